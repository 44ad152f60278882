PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_calcom_event_maps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`appointment_id` integer,
	`calcom_booking_uid` text,
	`calcom_booking_id` integer,
	`calcom_event_type_id` integer,
	`origin` text NOT NULL,
	`push_status` text DEFAULT 'pending' NOT NULL,
	`drift_status` text DEFAULT 'synced' NOT NULL,
	`drift_detected_at` integer,
	`drift_details` text,
	`resolution` text,
	`resolved_at` integer,
	`resolved_by_user_id` integer,
	`calcom_sequence` integer,
	`sync_attempts` integer DEFAULT 0 NOT NULL,
	`last_synced_at` integer,
	`last_error` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resolved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "calcom_event_maps_origin_check" CHECK("origin" in ('platform', 'calcom')),
	CONSTRAINT "calcom_event_maps_push_status_check" CHECK("push_status" in ('pending', 'pushed', 'failed')),
	CONSTRAINT "calcom_event_maps_drift_status_check" CHECK("drift_status" in ('synced', 'drift', 'resolved', 'manual_review')),
	CONSTRAINT "calcom_event_maps_resolution_check" CHECK("resolution" in ('platform_wins', 'calcom_wins', 'manual')),
	CONSTRAINT "calcom_event_maps_attempts_check" CHECK("sync_attempts" >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_calcom_event_maps`("id", "company_id", "appointment_id", "calcom_booking_uid", "calcom_booking_id", "calcom_event_type_id", "origin", "push_status", "drift_status", "drift_detected_at", "drift_details", "resolution", "resolved_at", "resolved_by_user_id", "calcom_sequence", "sync_attempts", "last_synced_at", "last_error", "created_at", "updated_at") SELECT "id", "company_id", "appointment_id", "calcom_booking_uid", "calcom_booking_id", "calcom_event_type_id", "origin", "push_status", "drift_status", "drift_detected_at", "drift_details", "resolution", "resolved_at", "resolved_by_user_id", "calcom_sequence", "sync_attempts", "last_synced_at", "last_error", "created_at", "updated_at" FROM `calcom_event_maps`;--> statement-breakpoint
DROP TABLE `calcom_event_maps`;--> statement-breakpoint
ALTER TABLE `__new_calcom_event_maps` RENAME TO `calcom_event_maps`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `calcom_event_maps_appointment_uq` ON `calcom_event_maps` (`appointment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `calcom_event_maps_booking_uid_uq` ON `calcom_event_maps` (`calcom_booking_uid`);--> statement-breakpoint
CREATE INDEX `calcom_event_maps_company_drift_idx` ON `calcom_event_maps` (`company_id`,`drift_status`);--> statement-breakpoint
CREATE INDEX `calcom_event_maps_push_status_idx` ON `calcom_event_maps` (`push_status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `__new_team_event_type_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`calcom_team_id` integer NOT NULL,
	`calcom_event_type_id` integer NOT NULL,
	`calcom_event_type_slug` text,
	`service_id` integer NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`last_synced_at` integer,
	`drift_status` text DEFAULT 'synced' NOT NULL,
	`drift_details` text,
	`drift_detected_at` integer,
	`ignored_drift_fingerprint` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "team_event_type_mappings_drift_status_check" CHECK("drift_status" in ('synced', 'drift', 'ignored'))
);
--> statement-breakpoint
INSERT INTO `__new_team_event_type_mappings`("id", "company_id", "calcom_team_id", "calcom_event_type_id", "calcom_event_type_slug", "service_id", "is_active", "last_synced_at", "created_at", "updated_at") SELECT "id", "company_id", "calcom_team_id", "calcom_event_type_id", "calcom_event_type_slug", "service_id", "is_active", "last_synced_at", "created_at", "updated_at" FROM `team_event_type_mappings`;--> statement-breakpoint
DROP TABLE `team_event_type_mappings`;--> statement-breakpoint
ALTER TABLE `__new_team_event_type_mappings` RENAME TO `team_event_type_mappings`;--> statement-breakpoint
CREATE UNIQUE INDEX `team_event_type_mappings_event_type_uq` ON `team_event_type_mappings` (`company_id`,`calcom_event_type_id`);--> statement-breakpoint
CREATE INDEX `team_event_type_mappings_service_idx` ON `team_event_type_mappings` (`service_id`);