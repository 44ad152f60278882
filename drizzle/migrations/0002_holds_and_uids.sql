CREATE TABLE `calendar_holds` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` integer NOT NULL,
	`calendar_key` text NOT NULL,
	`staff_id` integer,
	`resource_id` integer,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`group_id` text,
	`call_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resource_id`) REFERENCES `resources`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "calendar_holds_range_check" CHECK("ends_at" > "starts_at")
);
--> statement-breakpoint
CREATE INDEX `calendar_holds_company_calendar_idx` ON `calendar_holds` (`company_id`,`calendar_key`,`expires_at`);--> statement-breakpoint
CREATE INDEX `calendar_holds_group_idx` ON `calendar_holds` (`group_id`);--> statement-breakpoint
CREATE INDEX `calendar_holds_call_idx` ON `calendar_holds` (`call_id`);--> statement-breakpoint
CREATE INDEX `calendar_holds_expires_idx` ON `calendar_holds` (`expires_at`);--> statement-breakpoint
ALTER TABLE `appointments` ADD `uid` text;--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_uid_uq` ON `appointments` (`uid`);