CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`role_id` integer NOT NULL,
	`created_by_user_id` integer,
	`expires_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_prefix_uq` ON `api_keys` (`prefix`);--> statement-breakpoint
CREATE INDEX `api_keys_company_idx` ON `api_keys` (`company_id`);--> statement-breakpoint
CREATE INDEX `api_keys_role_idx` ON `api_keys` (`role_id`);--> statement-breakpoint
CREATE TABLE `permissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "permissions_name_check" CHECK("name" glob '[a-z]*_[a-z]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `permissions_name_uq` ON `permissions` (`name`);--> statement-breakpoint
CREATE TABLE `role_permissions` (
	`role_id` integer NOT NULL,
	`permission_id` integer NOT NULL,
	PRIMARY KEY(`role_id`, `permission_id`),
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`permission_id`) REFERENCES `permissions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `role_permissions_permission_idx` ON `role_permissions` (`permission_id`);--> statement-breakpoint
CREATE TABLE `roles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`display_name` text NOT NULL,
	`company_id` integer,
	`is_system` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "roles_system_global_check" CHECK("is_system" = 0 or "company_id" is null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roles_name_uq` ON `roles` (`name`);--> statement-breakpoint
CREATE INDEX `roles_company_idx` ON `roles` (`company_id`);--> statement-breakpoint
CREATE TABLE `user_preferences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`key` text NOT NULL,
	`value` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_preferences_user_key_uq` ON `user_preferences` (`user_id`,`key`);--> statement-breakpoint
CREATE TABLE `user_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`refresh_hash` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`last_used_at` integer,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_sessions_refresh_hash_uq` ON `user_sessions` (`refresh_hash`);--> statement-breakpoint
CREATE INDEX `user_sessions_user_idx` ON `user_sessions` (`user_id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `user_sessions_expires_idx` ON `user_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` integer NOT NULL,
	`company_id` integer,
	`branch_id` integer,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role_id` integer NOT NULL,
	`locale` text DEFAULT 'de' NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`two_factor_secret_enc` text,
	`two_factor_enabled_at` integer,
	`last_login_at` integer,
	`email_verified_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_email_lowercase_check" CHECK("email" = lower("email"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_company_idx` ON `users` (`company_id`,`is_active`);--> statement-breakpoint
CREATE INDEX `users_tenant_idx` ON `users` (`tenant_id`);--> statement-breakpoint
CREATE INDEX `users_role_idx` ON `users` (`role_id`);--> statement-breakpoint
CREATE TABLE `appointment_modification_stats` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`period_month` text NOT NULL,
	`modification_count` integer DEFAULT 0 NOT NULL,
	`cancellation_count` integer DEFAULT 0 NOT NULL,
	`reschedule_count` integer DEFAULT 0 NOT NULL,
	`violation_count` integer DEFAULT 0 NOT NULL,
	`last_appointment_id` integer,
	`last_modification_at` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`last_appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "appointment_modification_stats_month_check" CHECK("period_month" glob '[0-9][0-9][0-9][0-9]-[01][0-9]'),
	CONSTRAINT "appointment_modification_stats_counts_check" CHECK("modification_count" >= 0 and "cancellation_count" >= 0 and "reschedule_count" >= 0 and "violation_count" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appointment_modification_stats_customer_month_uq` ON `appointment_modification_stats` (`company_id`,`customer_id`,`period_month`);--> statement-breakpoint
CREATE INDEX `appointment_modification_stats_month_count_idx` ON `appointment_modification_stats` (`company_id`,`period_month`,`modification_count`);--> statement-breakpoint
CREATE INDEX `appointment_modification_stats_customer_idx` ON `appointment_modification_stats` (`customer_id`,`modification_count`);--> statement-breakpoint
CREATE TABLE `appointment_modifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`appointment_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`modification_type` text NOT NULL,
	`within_policy` integer DEFAULT true NOT NULL,
	`policy_configuration_id` integer,
	`violation_action` text,
	`notice_minutes` integer,
	`fee_cents` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`reason` text,
	`previous_starts_at` integer,
	`previous_ends_at` integer,
	`new_starts_at` integer,
	`new_ends_at` integer,
	`modified_by_type` text NOT NULL,
	`modified_by_user_id` integer,
	`call_id` integer,
	`metadata` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`policy_configuration_id`) REFERENCES `policy_configurations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`modified_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "appointment_modifications_type_check" CHECK("modification_type" in ('reschedule', 'cancellation')),
	CONSTRAINT "appointment_modifications_violation_action_check" CHECK("violation_action" in ('warn', 'block', 'charge_fee')),
	CONSTRAINT "appointment_modifications_modified_by_check" CHECK("modified_by_type" in ('customer', 'user', 'staff', 'voice_ai', 'calcom', 'api', 'system')),
	CONSTRAINT "appointment_modifications_fee_check" CHECK("fee_cents" >= 0),
	CONSTRAINT "appointment_modifications_currency_check" CHECK("currency" glob '[A-Z][A-Z][A-Z]'),
	CONSTRAINT "appointment_modifications_reschedule_check" CHECK("modification_type" <> 'reschedule' or ("new_starts_at" is not null and "new_ends_at" > "new_starts_at"))
);
--> statement-breakpoint
CREATE INDEX `appointment_modifications_company_customer_idx` ON `appointment_modifications` (`company_id`,`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `appointment_modifications_appointment_idx` ON `appointment_modifications` (`appointment_id`,`modification_type`);--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`branch_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`resource_id` integer,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`blocked_from` integer NOT NULL,
	`blocked_until` integer NOT NULL,
	`status` text DEFAULT 'confirmed' NOT NULL,
	`hold_expires_at` integer,
	`source` text NOT NULL,
	`booking_type` text DEFAULT 'simple' NOT NULL,
	`price_cents` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`is_composite` integer DEFAULT false NOT NULL,
	`segments` text,
	`parent_appointment_id` integer,
	`recurring_pattern_id` integer,
	`occurrence_index` integer,
	`call_id` integer,
	`calcom_booking_uid` text,
	`calcom_booking_id` integer,
	`notes` text,
	`customer_notes` text,
	`internal_notes` text,
	`metadata` text,
	`confirmed_at` integer,
	`confirmation_sent_at` integer,
	`started_at` integer,
	`completed_at` integer,
	`cancelled_at` integer,
	`cancellation_reason` text,
	`cancelled_by` text,
	`no_show_at` integer,
	`reminder_24h_sent_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`lock_token` text,
	`lock_expires_at` integer,
	`created_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resource_id`) REFERENCES `resources`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`parent_appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recurring_pattern_id`) REFERENCES `recurring_appointment_patterns`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "appointments_range_check" CHECK("ends_at" > "starts_at"),
	CONSTRAINT "appointments_blocked_check" CHECK("blocked_from" <= "starts_at" and "blocked_until" >= "ends_at"),
	CONSTRAINT "appointments_version_check" CHECK("version" >= 1),
	CONSTRAINT "appointments_occurrence_check" CHECK("occurrence_index" >= 1),
	CONSTRAINT "appointments_price_check" CHECK("price_cents" >= 0),
	CONSTRAINT "appointments_currency_check" CHECK("currency" glob '[A-Z][A-Z][A-Z]'),
	CONSTRAINT "appointments_status_check" CHECK("status" in ('pending', 'confirmed', 'in_progress', 'completed', 'cancelled', 'no_show')),
	CONSTRAINT "appointments_source_check" CHECK("source" in ('voice_ai', 'phone', 'api', 'admin', 'calcom', 'web', 'walk_in')),
	CONSTRAINT "appointments_booking_type_check" CHECK("booking_type" in ('simple', 'composite', 'recurring'))
);
--> statement-breakpoint
CREATE INDEX `appointments_company_starts_idx` ON `appointments` (`company_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `appointments_customer_idx` ON `appointments` (`customer_id`);--> statement-breakpoint
CREATE INDEX `appointments_status_starts_idx` ON `appointments` (`status`,`starts_at`);--> statement-breakpoint
CREATE INDEX `appointments_staff_starts_idx` ON `appointments` (`staff_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `appointments_branch_starts_idx` ON `appointments` (`branch_id`,`starts_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_calcom_booking_uid_uq` ON `appointments` (`calcom_booking_uid`);--> statement-breakpoint
CREATE INDEX `appointments_hold_expires_idx` ON `appointments` (`status`,`hold_expires_at`);--> statement-breakpoint
CREATE INDEX `appointments_parent_idx` ON `appointments` (`parent_appointment_id`);--> statement-breakpoint
CREATE INDEX `appointments_recurring_pattern_idx` ON `appointments` (`recurring_pattern_id`,`occurrence_index`);--> statement-breakpoint
CREATE INDEX `appointments_call_idx` ON `appointments` (`call_id`);--> statement-breakpoint
CREATE TABLE `calendar_occupancy` (
	`calendar_key` text NOT NULL,
	`granule` integer NOT NULL,
	`appointment_id` integer NOT NULL,
	`company_id` integer NOT NULL,
	PRIMARY KEY(`calendar_key`, `granule`),
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "calendar_occupancy_key_check" CHECK("calendar_key" glob 'staff:[0-9]*' or "calendar_key" glob 'resource:[0-9]*'),
	CONSTRAINT "calendar_occupancy_granule_check" CHECK("granule" >= 0)
);
--> statement-breakpoint
CREATE INDEX `calendar_occupancy_appointment_idx` ON `calendar_occupancy` (`appointment_id`);--> statement-breakpoint
CREATE INDEX `calendar_occupancy_company_idx` ON `calendar_occupancy` (`company_id`,`calendar_key`);--> statement-breakpoint
CREATE TABLE `callback_escalations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`callback_request_id` integer NOT NULL,
	`reason` text NOT NULL,
	`escalated_from_user_id` integer,
	`escalated_to_user_id` integer,
	`resolved_at` integer,
	`resolution_notes` text,
	`metadata` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`callback_request_id`) REFERENCES `callback_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`escalated_from_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`escalated_to_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "callback_escalations_reason_check" CHECK("reason" in ('sla_breach', 'max_attempts_reached', 'customer_complaint', 'manual'))
);
--> statement-breakpoint
CREATE INDEX `callback_escalations_company_idx` ON `callback_escalations` (`company_id`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `callback_escalations_request_idx` ON `callback_escalations` (`callback_request_id`);--> statement-breakpoint
CREATE TABLE `callback_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`branch_id` integer,
	`customer_id` integer,
	`call_id` integer,
	`service_id` integer,
	`preferred_staff_id` integer,
	`phone_e164` text NOT NULL,
	`customer_name` text,
	`preferred_times` text,
	`priority` text DEFAULT 'normal' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`assigned_to_user_id` integer,
	`assigned_at` integer,
	`contacted_at` integer,
	`completed_at` integer,
	`expires_at` integer,
	`attempt_count` integer DEFAULT 0 NOT NULL,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`preferred_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assigned_to_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "callback_requests_phone_check" CHECK("phone_e164" glob '+[1-9]*' and length("phone_e164") between 8 and 16 and substr("phone_e164", 2) not glob '*[^0-9]*'),
	CONSTRAINT "callback_requests_priority_check" CHECK("priority" in ('normal', 'high', 'urgent')),
	CONSTRAINT "callback_requests_status_check" CHECK("status" in ('pending', 'assigned', 'contacted', 'completed', 'expired', 'cancelled')),
	CONSTRAINT "callback_requests_attempts_check" CHECK("attempt_count" >= 0)
);
--> statement-breakpoint
CREATE INDEX `callback_requests_company_status_idx` ON `callback_requests` (`company_id`,`status`,`priority`,`created_at`);--> statement-breakpoint
CREATE INDEX `callback_requests_assignee_idx` ON `callback_requests` (`assigned_to_user_id`,`status`);--> statement-breakpoint
CREATE INDEX `callback_requests_customer_idx` ON `callback_requests` (`customer_id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "idempotency_keys_status_check" CHECK("response_status" between 100 and 599)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idempotency_keys_company_scope_key_uq` ON `idempotency_keys` (`company_id`,`scope`,`key`);--> statement-breakpoint
CREATE INDEX `idempotency_keys_expires_idx` ON `idempotency_keys` (`expires_at`);--> statement-breakpoint
CREATE TABLE `nested_booking_slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`appointment_id` integer NOT NULL,
	`sequence` integer NOT NULL,
	`segment_key` text,
	`service_id` integer,
	`staff_id` integer NOT NULL,
	`resource_id` integer,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`blocked_from` integer NOT NULL,
	`blocked_until` integer NOT NULL,
	`gap_after_minutes` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resource_id`) REFERENCES `resources`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "nested_booking_slots_range_check" CHECK("ends_at" > "starts_at"),
	CONSTRAINT "nested_booking_slots_blocked_check" CHECK("blocked_from" <= "starts_at" and "blocked_until" >= "ends_at"),
	CONSTRAINT "nested_booking_slots_non_negative_check" CHECK("sequence" >= 0 and "gap_after_minutes" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nested_booking_slots_appointment_sequence_uq` ON `nested_booking_slots` (`appointment_id`,`sequence`);--> statement-breakpoint
CREATE INDEX `nested_booking_slots_company_staff_starts_idx` ON `nested_booking_slots` (`company_id`,`staff_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `recurring_appointment_patterns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`branch_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`staff_id` integer,
	`service_id` integer NOT NULL,
	`frequency` text NOT NULL,
	`interval` integer DEFAULT 1 NOT NULL,
	`days_of_week` text,
	`day_of_month` integer,
	`start_time` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`occurrence_count` integer,
	`skipped_count` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "recurring_patterns_frequency_check" CHECK("frequency" in ('daily', 'weekly', 'monthly')),
	CONSTRAINT "recurring_patterns_status_check" CHECK("status" in ('active', 'paused', 'completed', 'cancelled')),
	CONSTRAINT "recurring_patterns_interval_check" CHECK("interval" >= 1),
	CONSTRAINT "recurring_patterns_day_of_month_check" CHECK("day_of_month" between 1 and 31),
	CONSTRAINT "recurring_patterns_start_time_check" CHECK("start_time" glob '[0-2][0-9]:[0-5][0-9]' and "start_time" <= '24:00'),
	CONSTRAINT "recurring_patterns_start_date_check" CHECK("start_date" glob '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	CONSTRAINT "recurring_patterns_end_date_check" CHECK("end_date" glob '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	CONSTRAINT "recurring_patterns_end_check" CHECK("end_date" is null or "end_date" >= "start_date"),
	CONSTRAINT "recurring_patterns_bounded_check" CHECK("end_date" is not null or "occurrence_count" >= 1),
	CONSTRAINT "recurring_patterns_skipped_check" CHECK("skipped_count" >= 0)
);
--> statement-breakpoint
CREATE INDEX `recurring_patterns_company_customer_idx` ON `recurring_appointment_patterns` (`company_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `recurring_patterns_staff_idx` ON `recurring_appointment_patterns` (`staff_id`);--> statement-breakpoint
CREATE TABLE `balance_bonus_tiers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`min_topup_cents` integer NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`bonus_type` text DEFAULT 'percentage' NOT NULL,
	`bonus_bp` integer,
	`bonus_fixed_cents` integer,
	`is_active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "balance_bonus_tiers_min_check" CHECK("min_topup_cents" > 0),
	CONSTRAINT "balance_bonus_tiers_bonus_type_check" CHECK("bonus_type" in ('percentage', 'fixed')),
	CONSTRAINT "balance_bonus_tiers_bonus_bp_check" CHECK("bonus_bp" between 0 and 10000),
	CONSTRAINT "balance_bonus_tiers_bonus_fixed_check" CHECK("bonus_fixed_cents" >= 0),
	CONSTRAINT "balance_bonus_tiers_bonus_value_check" CHECK(("bonus_type" = 'percentage' and "bonus_bp" is not null) or ("bonus_type" = 'fixed' and "bonus_fixed_cents" is not null)),
	CONSTRAINT "balance_bonus_tiers_currency_check" CHECK("currency" glob '[A-Z][A-Z][A-Z]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `balance_bonus_tiers_currency_min_uq` ON `balance_bonus_tiers` (`currency`,`min_topup_cents`);--> statement-breakpoint
CREATE TABLE `balance_topups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`payment_method` text NOT NULL,
	`bonus_cents` integer DEFAULT 0 NOT NULL,
	`bonus_tier_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`stripe_payment_intent_id` text,
	`initiated_by_user_id` integer,
	`completed_at` integer,
	`failed_at` integer,
	`failure_reason` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`bonus_tier_id`) REFERENCES `balance_bonus_tiers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`initiated_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "balance_topups_amount_check" CHECK("amount_cents" > 0),
	CONSTRAINT "balance_topups_bonus_check" CHECK("bonus_cents" >= 0),
	CONSTRAINT "balance_topups_payment_method_check" CHECK("payment_method" in ('stripe', 'bank_transfer', 'manual')),
	CONSTRAINT "balance_topups_status_check" CHECK("status" in ('pending', 'completed', 'failed')),
	CONSTRAINT "balance_topups_currency_check" CHECK("currency" glob '[A-Z][A-Z][A-Z]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `balance_topups_stripe_payment_intent_uq` ON `balance_topups` (`stripe_payment_intent_id`);--> statement-breakpoint
CREATE INDEX `balance_topups_company_created_idx` ON `balance_topups` (`company_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `balance_topups_status_idx` ON `balance_topups` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `currency_exchange_rates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`base_currency` text NOT NULL,
	`quote_currency` text NOT NULL,
	`rate_micros` integer NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	`valid_from` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "currency_exchange_rates_rate_check" CHECK("rate_micros" > 0),
	CONSTRAINT "currency_exchange_rates_pair_check" CHECK("base_currency" <> "quote_currency"),
	CONSTRAINT "currency_exchange_rates_base_check" CHECK("base_currency" glob '[A-Z][A-Z][A-Z]'),
	CONSTRAINT "currency_exchange_rates_quote_check" CHECK("quote_currency" glob '[A-Z][A-Z][A-Z]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `currency_exchange_rates_pair_valid_uq` ON `currency_exchange_rates` (`base_currency`,`quote_currency`,`valid_from`);--> statement-breakpoint
CREATE TABLE `invoice_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`invoice_id` integer NOT NULL,
	`description` text NOT NULL,
	`quantity` integer DEFAULT 1 NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`tax_rate_bp` integer DEFAULT 1900 NOT NULL,
	`tax_cents` integer DEFAULT 0 NOT NULL,
	`total_cents` integer NOT NULL,
	`appointment_id` integer,
	`service_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "invoice_items_quantity_check" CHECK("quantity" > 0),
	CONSTRAINT "invoice_items_amounts_check" CHECK("unit_price_cents" >= 0 and "tax_cents" >= 0),
	CONSTRAINT "invoice_items_tax_rate_check" CHECK("tax_rate_bp" between 0 and 10000),
	CONSTRAINT "invoice_items_total_check" CHECK("total_cents" = "quantity" * "unit_price_cents" + "tax_cents")
);
--> statement-breakpoint
CREATE INDEX `invoice_items_company_invoice_idx` ON `invoice_items` (`company_id`,`invoice_id`);--> statement-breakpoint
CREATE INDEX `invoice_items_invoice_idx` ON `invoice_items` (`invoice_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `invoice_items_appointment_idx` ON `invoice_items` (`appointment_id`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`customer_id` integer,
	`invoice_number` text NOT NULL,
	`recipient_name` text,
	`recipient_address` text,
	`recipient_email` text,
	`issue_date` text NOT NULL,
	`due_date` text,
	`subtotal_cents` integer DEFAULT 0 NOT NULL,
	`tax_cents` integer DEFAULT 0 NOT NULL,
	`total_cents` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`payment_method` text,
	`stripe_payment_intent_id` text,
	`sent_at` integer,
	`paid_at` integer,
	`cancelled_at` integer,
	`notes` text,
	`terms_and_conditions` text,
	`created_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "invoices_issue_date_check" CHECK("issue_date" glob '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	CONSTRAINT "invoices_due_date_check" CHECK("due_date" glob '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	CONSTRAINT "invoices_due_check" CHECK("due_date" is null or "due_date" >= "issue_date"),
	CONSTRAINT "invoices_amounts_check" CHECK("subtotal_cents" >= 0 and "tax_cents" >= 0),
	CONSTRAINT "invoices_total_check" CHECK("total_cents" = "subtotal_cents" + "tax_cents"),
	CONSTRAINT "invoices_status_check" CHECK("status" in ('draft', 'sent', 'paid', 'overdue', 'cancelled')),
	CONSTRAINT "invoices_payment_method_check" CHECK("payment_method" in ('stripe', 'bank_transfer', 'cash', 'card', 'manual')),
	CONSTRAINT "invoices_currency_check" CHECK("currency" glob '[A-Z][A-Z][A-Z]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_company_number_uq` ON `invoices` (`company_id`,`invoice_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_stripe_payment_intent_uq` ON `invoices` (`stripe_payment_intent_id`);--> statement-breakpoint
CREATE INDEX `invoices_company_status_due_idx` ON `invoices` (`company_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `invoices_customer_idx` ON `invoices` (`customer_id`);--> statement-breakpoint
CREATE TABLE `monthly_cost_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`year` integer NOT NULL,
	`month` integer NOT NULL,
	`total_cost_cents` integer DEFAULT 0 NOT NULL,
	`total_charged_cents` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`cost_breakdown` text,
	`call_count` integer DEFAULT 0 NOT NULL,
	`call_duration_seconds` integer DEFAULT 0 NOT NULL,
	`sms_count` integer DEFAULT 0 NOT NULL,
	`whatsapp_count` integer DEFAULT 0 NOT NULL,
	`email_count` integer DEFAULT 0 NOT NULL,
	`appointment_count` integer DEFAULT 0 NOT NULL,
	`generated_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "monthly_cost_reports_month_check" CHECK("month" between 1 and 12),
	CONSTRAINT "monthly_cost_reports_year_check" CHECK("year" between 2000 and 2999),
	CONSTRAINT "monthly_cost_reports_non_negative_check" CHECK("total_cost_cents" >= 0 and "total_charged_cents" >= 0 and "call_count" >= 0 and "call_duration_seconds" >= 0 and "sms_count" >= 0 and "whatsapp_count" >= 0 and "email_count" >= 0 and "appointment_count" >= 0),
	CONSTRAINT "monthly_cost_reports_currency_check" CHECK("currency" glob '[A-Z][A-Z][A-Z]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monthly_cost_reports_company_month_uq` ON `monthly_cost_reports` (`company_id`,`year`,`month`);--> statement-breakpoint
CREATE TABLE `platform_costs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`service_type` text NOT NULL,
	`cost_cents` integer NOT NULL,
	`currency` text DEFAULT 'USD' NOT NULL,
	`exchange_rate_micros` integer DEFAULT 1000000 NOT NULL,
	`converted_cost_cents` integer NOT NULL,
	`quantity` integer DEFAULT 1 NOT NULL,
	`unit` text,
	`cost_per_unit_cents` integer,
	`call_id` integer,
	`external_id` text,
	`metadata` text,
	`occurred_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "platform_costs_service_type_check" CHECK("service_type" in ('retell', 'calcom', 'sms', 'whatsapp', 'translation', 'other')),
	CONSTRAINT "platform_costs_non_negative_check" CHECK("cost_cents" >= 0 and "converted_cost_cents" >= 0 and "quantity" >= 0 and "cost_per_unit_cents" >= 0),
	CONSTRAINT "platform_costs_rate_check" CHECK("exchange_rate_micros" > 0),
	CONSTRAINT "platform_costs_currency_check" CHECK("currency" glob '[A-Z][A-Z][A-Z]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `platform_costs_service_external_uq` ON `platform_costs` (`service_type`,`external_id`);--> statement-breakpoint
CREATE INDEX `platform_costs_company_occurred_idx` ON `platform_costs` (`company_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `platform_costs_company_service_idx` ON `platform_costs` (`company_id`,`service_type`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `platform_costs_call_idx` ON `platform_costs` (`call_id`);--> statement-breakpoint
CREATE TABLE `pricing_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`description` text,
	`billing_interval` text DEFAULT 'monthly' NOT NULL,
	`price_cents` integer DEFAULT 0 NOT NULL,
	`setup_fee_cents` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`included_minutes` integer DEFAULT 0 NOT NULL,
	`per_minute_cents` integer DEFAULT 0 NOT NULL,
	`per_call_cents` integer DEFAULT 0 NOT NULL,
	`per_sms_cents` integer DEFAULT 0 NOT NULL,
	`features` text,
	`limits` text,
	`stripe_price_id` text,
	`is_active` integer DEFAULT true NOT NULL,
	`is_public` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "pricing_plans_billing_interval_check" CHECK("billing_interval" in ('monthly', 'yearly')),
	CONSTRAINT "pricing_plans_non_negative_check" CHECK("price_cents" >= 0 and "setup_fee_cents" >= 0 and "included_minutes" >= 0 and "per_minute_cents" >= 0 and "per_call_cents" >= 0 and "per_sms_cents" >= 0),
	CONSTRAINT "pricing_plans_currency_check" CHECK("currency" glob '[A-Z][A-Z][A-Z]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pricing_plans_slug_uq` ON `pricing_plans` (`slug`);--> statement-breakpoint
CREATE TABLE `transactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`customer_id` integer,
	`type` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`balance_before_cents` integer NOT NULL,
	`balance_after_cents` integer NOT NULL,
	`reference_type` text,
	`reference_id` integer,
	`description` text,
	`created_by_user_id` integer,
	`metadata` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "transactions_balance_check" CHECK("balance_after_cents" = "balance_before_cents" + "amount_cents"),
	CONSTRAINT "transactions_amount_integer_check" CHECK(typeof("amount_cents") = 'integer'),
	CONSTRAINT "transactions_reference_check" CHECK(("reference_type" is null) = ("reference_id" is null)),
	CONSTRAINT "transactions_type_check" CHECK("type" in ('topup', 'bonus', 'call_cost', 'usage_cost', 'invoice_payment', 'refund', 'adjustment')),
	CONSTRAINT "transactions_reference_type_check" CHECK("reference_type" in ('balance_topup', 'invoice', 'call', 'platform_cost', 'transaction')),
	CONSTRAINT "transactions_currency_check" CHECK("currency" glob '[A-Z][A-Z][A-Z]')
);
--> statement-breakpoint
CREATE INDEX `transactions_company_created_idx` ON `transactions` (`company_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `transactions_reference_idx` ON `transactions` (`reference_type`,`reference_id`);--> statement-breakpoint
CREATE INDEX `transactions_customer_idx` ON `transactions` (`customer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `transactions_once_per_reference_uq` ON `transactions` (`company_id`,`type`,`reference_type`,`reference_id`) WHERE "type" in ('topup', 'bonus', 'call_cost');--> statement-breakpoint
CREATE TABLE `calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`retell_call_id` text NOT NULL,
	`company_id` integer NOT NULL,
	`branch_id` integer,
	`customer_id` integer,
	`phone_number_id` integer,
	`agent_id` integer,
	`agent_version` integer,
	`call_type` text DEFAULT 'phone_call' NOT NULL,
	`from_number` text,
	`to_number` text,
	`direction` text DEFAULT 'inbound' NOT NULL,
	`status` text DEFAULT 'registered' NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	`duration_seconds` integer,
	`transcript` text,
	`transcript_object` text,
	`recording_url` text,
	`disconnection_reason` text,
	`summary` text,
	`summary_translations` text,
	`sentiment` text,
	`call_successful` integer,
	`analysis` text,
	`custom_data` text,
	`cost_cents` integer DEFAULT 0 NOT NULL,
	`cost_currency` text DEFAULT 'USD' NOT NULL,
	`charged_cents` integer DEFAULT 0 NOT NULL,
	`customer_data_collected_at` integer,
	`appointment_made` integer DEFAULT false NOT NULL,
	`reviewed_at` integer,
	`reviewed_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`phone_number_id`) REFERENCES `phone_numbers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`agent_id`) REFERENCES `retell_agents`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reviewed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "calls_call_type_check" CHECK("call_type" in ('phone_call', 'web_call')),
	CONSTRAINT "calls_direction_check" CHECK("direction" in ('inbound', 'outbound')),
	CONSTRAINT "calls_status_check" CHECK("status" in ('registered', 'not_connected', 'ongoing', 'ended', 'error')),
	CONSTRAINT "calls_sentiment_check" CHECK("sentiment" in ('positive', 'neutral', 'negative', 'unknown')),
	CONSTRAINT "calls_non_negative_check" CHECK("duration_seconds" >= 0 and "cost_cents" >= 0 and "charged_cents" >= 0),
	CONSTRAINT "calls_range_check" CHECK("ended_at" is null or "started_at" is null or "ended_at" >= "started_at"),
	CONSTRAINT "calls_cost_currency_check" CHECK("cost_currency" glob '[A-Z][A-Z][A-Z]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calls_retell_call_id_uq` ON `calls` (`retell_call_id`);--> statement-breakpoint
CREATE INDEX `calls_company_started_idx` ON `calls` (`company_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `calls_company_status_idx` ON `calls` (`company_id`,`status`);--> statement-breakpoint
CREATE INDEX `calls_company_from_number_idx` ON `calls` (`company_id`,`from_number`);--> statement-breakpoint
CREATE INDEX `calls_customer_idx` ON `calls` (`customer_id`);--> statement-breakpoint
CREATE INDEX `calls_phone_number_idx` ON `calls` (`phone_number_id`);--> statement-breakpoint
CREATE INDEX `calls_agent_idx` ON `calls` (`agent_id`);--> statement-breakpoint
CREATE TABLE `phone_numbers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`branch_id` integer,
	`number_e164` text NOT NULL,
	`retell_agent_id` integer,
	`label` text,
	`provider` text,
	`is_active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`retell_agent_id`) REFERENCES `retell_agents`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "phone_numbers_number_check" CHECK("number_e164" glob '+[1-9]*' and length("number_e164") between 8 and 16 and substr("number_e164", 2) not glob '*[^0-9]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `phone_numbers_number_uq` ON `phone_numbers` (`number_e164`);--> statement-breakpoint
CREATE INDEX `phone_numbers_company_idx` ON `phone_numbers` (`company_id`,`branch_id`);--> statement-breakpoint
CREATE INDEX `phone_numbers_agent_idx` ON `phone_numbers` (`retell_agent_id`);--> statement-breakpoint
CREATE TABLE `retell_agents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`branch_id` integer,
	`agent_id` text NOT NULL,
	`agent_version` integer,
	`name` text NOT NULL,
	`language` text DEFAULT 'de-DE' NOT NULL,
	`voice_id` text,
	`settings` text,
	`is_active` integer DEFAULT true NOT NULL,
	`last_synced_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `retell_agents_agent_id_uq` ON `retell_agents` (`agent_id`);--> statement-breakpoint
CREATE INDEX `retell_agents_company_idx` ON `retell_agents` (`company_id`,`is_active`);--> statement-breakpoint
CREATE TABLE `customer_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`subject` text,
	`content` text NOT NULL,
	`type` text DEFAULT 'general' NOT NULL,
	`is_pinned` integer DEFAULT false NOT NULL,
	`visibility` text DEFAULT 'all' NOT NULL,
	`created_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "customer_notes_type_check" CHECK("type" in ('general', 'complaint', 'feedback', 'medical')),
	CONSTRAINT "customer_notes_visibility_check" CHECK("visibility" in ('staff', 'management', 'all'))
);
--> statement-breakpoint
CREATE INDEX `customer_notes_company_customer_idx` ON `customer_notes` (`company_id`,`customer_id`,`is_pinned`);--> statement-breakpoint
CREATE INDEX `customer_notes_customer_idx` ON `customer_notes` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customer_phone_index` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`phone_e164` text NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "customer_phone_index_phone_check" CHECK("phone_e164" glob '+[1-9]*' and length("phone_e164") between 8 and 16 and substr("phone_e164", 2) not glob '*[^0-9]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_phone_index_company_phone_customer_uq` ON `customer_phone_index` (`company_id`,`phone_e164`,`customer_id`);--> statement-breakpoint
CREATE INDEX `customer_phone_index_customer_idx` ON `customer_phone_index` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`branch_id` integer,
	`first_name` text,
	`last_name` text,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`phone_variants` text,
	`search_text` text DEFAULT '' NOT NULL,
	`date_of_birth` text,
	`preferred_language` text DEFAULT 'de' NOT NULL,
	`preferred_staff_id` integer,
	`journey_status` text DEFAULT 'lead' NOT NULL,
	`journey_history` text,
	`journey_status_updated_at` integer,
	`engagement_score` integer DEFAULT 0 NOT NULL,
	`loyalty_points` integer DEFAULT 0 NOT NULL,
	`loyalty_tier` text DEFAULT 'bronze' NOT NULL,
	`is_vip` integer DEFAULT false NOT NULL,
	`total_revenue_cents` integer DEFAULT 0 NOT NULL,
	`appointment_count` integer DEFAULT 0 NOT NULL,
	`completed_count` integer DEFAULT 0 NOT NULL,
	`no_show_count` integer DEFAULT 0 NOT NULL,
	`cancelled_count` integer DEFAULT 0 NOT NULL,
	`call_count` integer DEFAULT 0 NOT NULL,
	`last_appointment_at` integer,
	`last_contact_at` integer,
	`source` text DEFAULT 'admin' NOT NULL,
	`tags` text,
	`notes` text,
	`gdpr_consent` integer DEFAULT false NOT NULL,
	`gdpr_consent_at` integer,
	`marketing_consent` integer DEFAULT false NOT NULL,
	`marketing_consent_at` integer,
	`privacy_consent_at` integer,
	`deletion_requested_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`preferred_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "customers_phone_check" CHECK("phone" glob '+[1-9]*' and length("phone") between 8 and 16 and substr("phone", 2) not glob '*[^0-9]*'),
	CONSTRAINT "customers_date_of_birth_check" CHECK("date_of_birth" glob '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	CONSTRAINT "customers_search_text_check" CHECK("search_text" = lower("search_text")),
	CONSTRAINT "customers_engagement_score_check" CHECK("engagement_score" between 0 and 1000),
	CONSTRAINT "customers_counters_check" CHECK("loyalty_points" >= 0 and "total_revenue_cents" >= 0 and "appointment_count" >= 0 and "completed_count" >= 0 and "no_show_count" >= 0 and "cancelled_count" >= 0 and "call_count" >= 0),
	CONSTRAINT "customers_journey_status_check" CHECK("journey_status" in ('lead', 'prospect', 'customer', 'regular', 'vip', 'at_risk', 'churned')),
	CONSTRAINT "customers_loyalty_tier_check" CHECK("loyalty_tier" in ('bronze', 'silver', 'gold', 'platinum')),
	CONSTRAINT "customers_source_check" CHECK("source" in ('phone', 'voice_ai', 'web', 'walk_in', 'import', 'api', 'calcom', 'admin'))
);
--> statement-breakpoint
CREATE INDEX `customers_company_id_idx` ON `customers` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `customers_company_phone_idx` ON `customers` (`company_id`,`phone`);--> statement-breakpoint
CREATE INDEX `customers_company_email_idx` ON `customers` (`company_id`,`email`);--> statement-breakpoint
CREATE INDEX `customers_company_journey_idx` ON `customers` (`company_id`,`journey_status`);--> statement-breakpoint
CREATE INDEX `customers_preferred_staff_idx` ON `customers` (`preferred_staff_id`);--> statement-breakpoint
CREATE TABLE `calcom_event_maps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`appointment_id` integer NOT NULL,
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
CREATE UNIQUE INDEX `calcom_event_maps_appointment_uq` ON `calcom_event_maps` (`appointment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `calcom_event_maps_booking_uid_uq` ON `calcom_event_maps` (`calcom_booking_uid`);--> statement-breakpoint
CREATE INDEX `calcom_event_maps_company_drift_idx` ON `calcom_event_maps` (`company_id`,`drift_status`);--> statement-breakpoint
CREATE INDEX `calcom_event_maps_push_status_idx` ON `calcom_event_maps` (`push_status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `calcom_team_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`calcom_team_id` integer NOT NULL,
	`calcom_user_id` integer NOT NULL,
	`staff_id` integer,
	`email` text,
	`name` text,
	`role` text DEFAULT 'member' NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`last_synced_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "calcom_team_members_role_check" CHECK("role" in ('member', 'admin', 'owner'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calcom_team_members_team_user_uq` ON `calcom_team_members` (`company_id`,`calcom_team_id`,`calcom_user_id`);--> statement-breakpoint
CREATE INDEX `calcom_team_members_staff_idx` ON `calcom_team_members` (`staff_id`);--> statement-breakpoint
CREATE TABLE `dead_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer,
	`queue` text NOT NULL,
	`message_id` text,
	`body` text NOT NULL,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`resolution` text,
	`resolved_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resolved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "dead_letters_resolution_check" CHECK("resolution" in ('retried', 'discarded')),
	CONSTRAINT "dead_letters_attempts_check" CHECK("attempts" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dead_letters_queue_message_uq` ON `dead_letters` (`queue`,`message_id`);--> statement-breakpoint
CREATE INDEX `dead_letters_company_created_idx` ON `dead_letters` (`company_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `dead_letters_unresolved_idx` ON `dead_letters` (`resolved_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `integrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`credentials_enc` text,
	`config` text,
	`is_active` integer DEFAULT true NOT NULL,
	`health_status` text DEFAULT 'unknown' NOT NULL,
	`last_health_check_at` integer,
	`last_synced_at` integer,
	`last_error_at` integer,
	`last_error` text,
	`error_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "integrations_type_check" CHECK("type" in ('calcom', 'retell', 'stripe', 'twilio', 'google_calendar', 'telegram', 'smtp')),
	CONSTRAINT "integrations_health_status_check" CHECK("health_status" in ('unknown', 'ok', 'degraded', 'error')),
	CONSTRAINT "integrations_error_count_check" CHECK("error_count" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `integrations_company_type_name_uq` ON `integrations` (`company_id`,`type`,`name`);--> statement-breakpoint
CREATE TABLE `processed_webhooks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`event_id` text NOT NULL,
	`company_id` integer,
	`event_type` text,
	`payload_hash` text,
	`result_status` integer,
	`result_body` text,
	`processed_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "processed_webhooks_source_check" CHECK("source" in ('retell', 'calcom', 'stripe'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `processed_webhooks_source_event_uq` ON `processed_webhooks` (`source`,`event_id`);--> statement-breakpoint
CREATE INDEX `processed_webhooks_company_created_idx` ON `processed_webhooks` (`company_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `processed_webhooks_created_idx` ON `processed_webhooks` (`created_at`);--> statement-breakpoint
CREATE TABLE `team_event_type_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`calcom_team_id` integer NOT NULL,
	`calcom_event_type_id` integer NOT NULL,
	`calcom_event_type_slug` text,
	`service_id` integer NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`last_synced_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `team_event_type_mappings_event_type_uq` ON `team_event_type_mappings` (`company_id`,`calcom_event_type_id`);--> statement-breakpoint
CREATE INDEX `team_event_type_mappings_service_idx` ON `team_event_type_mappings` (`service_id`);--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`event_type` text NOT NULL,
	`description` text,
	`is_enabled` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "webhook_events_source_check" CHECK("source" in ('retell', 'calcom', 'stripe'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_events_source_type_uq` ON `webhook_events` (`source`,`event_type`);--> statement-breakpoint
CREATE TABLE `webhook_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer,
	`source` text NOT NULL,
	`event_type` text,
	`event_id` text,
	`payload` text,
	`signature_valid` integer,
	`status` text DEFAULT 'received' NOT NULL,
	`response_status` integer,
	`processed_at` integer,
	`error_message` text,
	`retry_count` integer DEFAULT 0 NOT NULL,
	`ip` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "webhook_logs_source_check" CHECK("source" in ('retell', 'calcom', 'stripe')),
	CONSTRAINT "webhook_logs_status_check" CHECK("status" in ('received', 'processed', 'duplicate', 'ignored', 'rejected', 'failed')),
	CONSTRAINT "webhook_logs_retry_check" CHECK("retry_count" >= 0)
);
--> statement-breakpoint
CREATE INDEX `webhook_logs_company_created_idx` ON `webhook_logs` (`company_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `webhook_logs_source_event_idx` ON `webhook_logs` (`source`,`event_type`,`created_at`);--> statement-breakpoint
CREATE INDEX `webhook_logs_event_id_idx` ON `webhook_logs` (`source`,`event_id`);--> statement-breakpoint
CREATE TABLE `notification_configurations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`configurable_type` text NOT NULL,
	`configurable_id` integer NOT NULL,
	`event_type` text NOT NULL,
	`channel` text NOT NULL,
	`fallback_channel` text,
	`is_enabled` integer DEFAULT true NOT NULL,
	`retry_count` integer DEFAULT 3 NOT NULL,
	`retry_delay_minutes` integer DEFAULT 5 NOT NULL,
	`template_override_id` integer,
	`metadata` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_override_id`) REFERENCES `notification_templates`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "notification_configurations_configurable_type_check" CHECK("configurable_type" in ('company', 'branch', 'service', 'staff')),
	CONSTRAINT "notification_configurations_event_type_check" CHECK("event_type" in ('appointment_confirmed', 'appointment_rescheduled', 'appointment_cancelled', 'reminder_24h', 'reminder_2h', 'appointment_no_show', 'callback_requested', 'invoice_sent', 'payment_received', 'balance_low', 'welcome')),
	CONSTRAINT "notification_configurations_channel_check" CHECK("channel" in ('email', 'sms', 'telegram', 'whatsapp')),
	CONSTRAINT "notification_configurations_fallback_channel_check" CHECK("fallback_channel" in ('email', 'sms', 'telegram', 'whatsapp')),
	CONSTRAINT "notification_configurations_fallback_check" CHECK("fallback_channel" is null or "fallback_channel" <> "channel"),
	CONSTRAINT "notification_configurations_configurable_id_check" CHECK("configurable_id" > 0),
	CONSTRAINT "notification_configurations_retry_check" CHECK("retry_count" >= 0 and "retry_delay_minutes" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_configurations_target_uq` ON `notification_configurations` (`company_id`,`configurable_type`,`configurable_id`,`event_type`,`channel`);--> statement-breakpoint
CREATE TABLE `notification_event_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_type` text NOT NULL,
	`display_name` text NOT NULL,
	`description` text,
	`default_channel` text DEFAULT 'email' NOT NULL,
	`requires_customer` integer DEFAULT true NOT NULL,
	`can_be_disabled` integer DEFAULT true NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "notification_event_mappings_event_type_check" CHECK("event_type" in ('appointment_confirmed', 'appointment_rescheduled', 'appointment_cancelled', 'reminder_24h', 'reminder_2h', 'appointment_no_show', 'callback_requested', 'invoice_sent', 'payment_received', 'balance_low', 'welcome')),
	CONSTRAINT "notification_event_mappings_default_channel_check" CHECK("default_channel" in ('email', 'sms', 'telegram', 'whatsapp'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_event_mappings_event_type_uq` ON `notification_event_mappings` (`event_type`);--> statement-breakpoint
CREATE TABLE `notification_providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer,
	`name` text NOT NULL,
	`channel` text NOT NULL,
	`provider` text NOT NULL,
	`credentials_enc` text,
	`config` text,
	`is_active` integer DEFAULT true NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`last_error_at` integer,
	`last_error` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notification_providers_channel_check" CHECK("channel" in ('email', 'sms', 'telegram', 'whatsapp')),
	CONSTRAINT "notification_providers_provider_check" CHECK("provider" in ('twilio', 'smtp', 'resend', 'telegram', 'whatsapp_cloud', 'log'))
);
--> statement-breakpoint
CREATE INDEX `notification_providers_company_channel_idx` ON `notification_providers` (`company_id`,`channel`,`priority`);--> statement-breakpoint
CREATE TABLE `notification_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`customer_id` integer,
	`appointment_id` integer,
	`event_type` text NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`template_id` integer,
	`provider_id` integer,
	`language` text DEFAULT 'de' NOT NULL,
	`data` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`dedupe_key` text,
	`scheduled_for` integer,
	`sent_at` integer,
	`failed_at` integer,
	`retry_count` integer DEFAULT 0 NOT NULL,
	`max_retries` integer DEFAULT 3 NOT NULL,
	`next_attempt_at` integer,
	`error_message` text,
	`provider_message_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`template_id`) REFERENCES `notification_templates`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`provider_id`) REFERENCES `notification_providers`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "notification_queue_event_type_check" CHECK("event_type" in ('appointment_confirmed', 'appointment_rescheduled', 'appointment_cancelled', 'reminder_24h', 'reminder_2h', 'appointment_no_show', 'callback_requested', 'invoice_sent', 'payment_received', 'balance_low', 'welcome')),
	CONSTRAINT "notification_queue_channel_check" CHECK("channel" in ('email', 'sms', 'telegram', 'whatsapp')),
	CONSTRAINT "notification_queue_status_check" CHECK("status" in ('pending', 'processing', 'sent', 'failed', 'cancelled')),
	CONSTRAINT "notification_queue_retry_check" CHECK("retry_count" >= 0 and "max_retries" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_queue_dedupe_uq` ON `notification_queue` (`company_id`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notification_queue_status_created_idx` ON `notification_queue` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `notification_queue_company_created_idx` ON `notification_queue` (`company_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notification_queue_status_scheduled_idx` ON `notification_queue` (`status`,`scheduled_for`);--> statement-breakpoint
CREATE INDEX `notification_queue_appointment_idx` ON `notification_queue` (`appointment_id`);--> statement-breakpoint
CREATE INDEX `notification_queue_customer_idx` ON `notification_queue` (`customer_id`);--> statement-breakpoint
CREATE TABLE `notification_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`event_type` text,
	`channel` text NOT NULL,
	`subject` text,
	`body` text NOT NULL,
	`language` text DEFAULT 'de' NOT NULL,
	`variables` text,
	`is_active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notification_templates_event_type_check" CHECK("event_type" in ('appointment_confirmed', 'appointment_rescheduled', 'appointment_cancelled', 'reminder_24h', 'reminder_2h', 'appointment_no_show', 'callback_requested', 'invoice_sent', 'payment_received', 'balance_low', 'welcome')),
	CONSTRAINT "notification_templates_channel_check" CHECK("channel" in ('email', 'sms', 'telegram', 'whatsapp'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_templates_company_name_uq` ON `notification_templates` (`company_id`,`name`,`channel`,`language`);--> statement-breakpoint
CREATE INDEX `notification_templates_company_event_idx` ON `notification_templates` (`company_id`,`event_type`,`channel`,`language`);--> statement-breakpoint
CREATE TABLE `activity_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer,
	`log_name` text DEFAULT 'default' NOT NULL,
	`description` text NOT NULL,
	`subject_type` text,
	`subject_id` integer,
	`causer_type` text,
	`causer_id` integer,
	`properties` text,
	`request_id` text,
	`ip` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "activity_log_causer_type_check" CHECK("causer_type" in ('user', 'api_key', 'voice_ai', 'webhook', 'system'))
);
--> statement-breakpoint
CREATE INDEX `activity_log_company_created_idx` ON `activity_log` (`company_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `activity_log_subject_idx` ON `activity_log` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `activity_log_causer_idx` ON `activity_log` (`causer_type`,`causer_id`);--> statement-breakpoint
CREATE INDEX `activity_log_log_name_idx` ON `activity_log` (`log_name`,`created_at`);--> statement-breakpoint
CREATE TABLE `policy_configurations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`configurable_type` text NOT NULL,
	`configurable_id` integer NOT NULL,
	`policy_type` text NOT NULL,
	`config` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`overrides_id` integer,
	`description` text,
	`created_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`overrides_id`) REFERENCES `policy_configurations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "policy_configurations_configurable_type_check" CHECK("configurable_type" in ('company', 'branch', 'service', 'staff')),
	CONSTRAINT "policy_configurations_policy_type_check" CHECK("policy_type" in ('cancellation', 'reschedule', 'recurring')),
	CONSTRAINT "policy_configurations_configurable_id_check" CHECK("configurable_id" > 0),
	CONSTRAINT "policy_configurations_overrides_check" CHECK("overrides_id" <> "id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policy_configurations_active_uq` ON `policy_configurations` (`company_id`,`configurable_type`,`configurable_id`,`policy_type`) WHERE "is_active" = 1;--> statement-breakpoint
CREATE INDEX `policy_configurations_company_idx` ON `policy_configurations` (`company_id`,`policy_type`);--> statement-breakpoint
CREATE INDEX `policy_configurations_overrides_idx` ON `policy_configurations` (`overrides_id`);--> statement-breakpoint
CREATE TABLE `system_settings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`value` text,
	`category` text DEFAULT 'general' NOT NULL,
	`description` text,
	`is_public` integer DEFAULT false NOT NULL,
	`updated_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`updated_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `system_settings_key_uq` ON `system_settings` (`key`);--> statement-breakpoint
CREATE INDEX `system_settings_category_idx` ON `system_settings` (`category`);--> statement-breakpoint
CREATE TABLE `branch_service_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`branch_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`price_cents_override` integer,
	`duration_minutes_override` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "branch_service_offers_price_check" CHECK("price_cents_override" >= 0),
	CONSTRAINT "branch_service_offers_duration_check" CHECK("duration_minutes_override" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `branch_service_offers_branch_service_uq` ON `branch_service_offers` (`branch_id`,`service_id`);--> statement-breakpoint
CREATE INDEX `branch_service_offers_company_idx` ON `branch_service_offers` (`company_id`,`branch_id`);--> statement-breakpoint
CREATE INDEX `branch_service_offers_service_idx` ON `branch_service_offers` (`service_id`);--> statement-breakpoint
CREATE TABLE `date_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`staff_id` integer,
	`branch_id` integer NOT NULL,
	`date` text NOT NULL,
	`is_closed` integer DEFAULT false NOT NULL,
	`start_time` text,
	`end_time` text,
	`break_start` text,
	`break_end` text,
	`reason` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "date_overrides_date_check" CHECK("date" glob '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	CONSTRAINT "date_overrides_start_time_check" CHECK("start_time" glob '[0-2][0-9]:[0-5][0-9]' and "start_time" <= '24:00'),
	CONSTRAINT "date_overrides_end_time_check" CHECK("end_time" glob '[0-2][0-9]:[0-5][0-9]' and "end_time" <= '24:00'),
	CONSTRAINT "date_overrides_break_start_check" CHECK("break_start" glob '[0-2][0-9]:[0-5][0-9]' and "break_start" <= '24:00'),
	CONSTRAINT "date_overrides_break_end_check" CHECK("break_end" glob '[0-2][0-9]:[0-5][0-9]' and "break_end" <= '24:00'),
	CONSTRAINT "date_overrides_hours_check" CHECK(("is_closed" = 1 and "start_time" is null and "end_time" is null and "break_start" is null and "break_end" is null) or ("is_closed" = 0 and "start_time" is not null and "end_time" is not null and "start_time" < "end_time")),
	CONSTRAINT "date_overrides_break_check" CHECK(("break_start" is null and "break_end" is null) or ("break_start" is not null and "break_end" is not null and "start_time" <= "break_start" and "break_start" < "break_end" and "break_end" <= "end_time"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `date_overrides_staff_branch_date_uq` ON `date_overrides` (`staff_id`,`branch_id`,`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `date_overrides_branch_date_uq` ON `date_overrides` (`branch_id`,`date`) WHERE "staff_id" is null;--> statement-breakpoint
CREATE INDEX `date_overrides_company_branch_date_idx` ON `date_overrides` (`company_id`,`branch_id`,`date`);--> statement-breakpoint
CREATE TABLE `resources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`branch_id` integer NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`capacity` integer DEFAULT 1 NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "resources_type_check" CHECK("type" in ('room', 'chair', 'equipment')),
	CONSTRAINT "resources_capacity_check" CHECK("capacity" >= 1)
);
--> statement-breakpoint
CREATE INDEX `resources_company_branch_idx` ON `resources` (`company_id`,`branch_id`,`type`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`category` text,
	`duration_minutes` integer NOT NULL,
	`price_cents` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`buffer_before_minutes` integer DEFAULT 0 NOT NULL,
	`buffer_after_minutes` integer DEFAULT 0 NOT NULL,
	`min_notice_minutes` integer DEFAULT 60 NOT NULL,
	`max_advance_days` integer DEFAULT 90 NOT NULL,
	`slot_interval_minutes` integer DEFAULT 15 NOT NULL,
	`is_composite` integer DEFAULT false NOT NULL,
	`segments` text,
	`required_resource_type` text,
	`is_active` integer DEFAULT true NOT NULL,
	`is_online_bookable` integer DEFAULT true NOT NULL,
	`calcom_event_type_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "services_duration_check" CHECK("duration_minutes" > 0),
	CONSTRAINT "services_slot_interval_check" CHECK("slot_interval_minutes" > 0),
	CONSTRAINT "services_max_advance_check" CHECK("max_advance_days" > 0),
	CONSTRAINT "services_non_negative_check" CHECK("price_cents" >= 0 and "buffer_before_minutes" >= 0 and "buffer_after_minutes" >= 0 and "min_notice_minutes" >= 0),
	CONSTRAINT "services_segments_check" CHECK(("is_composite" = 1 and "segments" is not null) or ("is_composite" = 0 and "segments" is null)),
	CONSTRAINT "services_currency_check" CHECK("currency" glob '[A-Z][A-Z][A-Z]'),
	CONSTRAINT "services_required_resource_type_check" CHECK("required_resource_type" in ('room', 'chair', 'equipment'))
);
--> statement-breakpoint
CREATE INDEX `services_company_idx` ON `services` (`company_id`,`is_active`,`sort_order`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`branch_id` integer NOT NULL,
	`user_id` integer,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`display_name` text NOT NULL,
	`email` text,
	`phone` text,
	`color` text,
	`is_active` integer DEFAULT true NOT NULL,
	`is_bookable` integer DEFAULT true NOT NULL,
	`calcom_user_id` integer,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "staff_color_check" CHECK(length("color") = 7 and "color" glob '#*' and substr("color", 2) not glob '*[^0-9A-Fa-f]*')
);
--> statement-breakpoint
CREATE INDEX `staff_company_branch_idx` ON `staff` (`company_id`,`branch_id`);--> statement-breakpoint
CREATE INDEX `staff_user_idx` ON `staff` (`user_id`);--> statement-breakpoint
CREATE INDEX `staff_calcom_user_idx` ON `staff` (`calcom_user_id`);--> statement-breakpoint
CREATE TABLE `staff_services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`skill_level` text DEFAULT 'regular' NOT NULL,
	`duration_minutes_override` integer,
	`price_cents_override` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "staff_services_skill_level_check" CHECK("skill_level" in ('junior', 'regular', 'senior', 'expert')),
	CONSTRAINT "staff_services_price_check" CHECK("price_cents_override" >= 0),
	CONSTRAINT "staff_services_duration_check" CHECK("duration_minutes_override" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_services_staff_service_uq` ON `staff_services` (`staff_id`,`service_id`);--> statement-breakpoint
CREATE INDEX `staff_services_company_idx` ON `staff_services` (`company_id`,`service_id`);--> statement-breakpoint
CREATE INDEX `staff_services_service_idx` ON `staff_services` (`service_id`);--> statement-breakpoint
CREATE TABLE `time_off` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`type` text DEFAULT 'vacation' NOT NULL,
	`reason` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "time_off_range_check" CHECK("ends_at" > "starts_at"),
	CONSTRAINT "time_off_type_check" CHECK("type" in ('vacation', 'sick', 'training', 'personal', 'other'))
);
--> statement-breakpoint
CREATE INDEX `time_off_company_staff_starts_idx` ON `time_off` (`company_id`,`staff_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `time_off_staff_idx` ON `time_off` (`staff_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `working_hours` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`branch_id` integer NOT NULL,
	`day_of_week` integer NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`break_start` text,
	`break_end` text,
	`is_available` integer DEFAULT true NOT NULL,
	`valid_from` text,
	`valid_until` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "working_hours_day_of_week_check" CHECK("day_of_week" between 0 and 6),
	CONSTRAINT "working_hours_start_time_check" CHECK("start_time" glob '[0-2][0-9]:[0-5][0-9]' and "start_time" <= '24:00'),
	CONSTRAINT "working_hours_end_time_check" CHECK("end_time" glob '[0-2][0-9]:[0-5][0-9]' and "end_time" <= '24:00'),
	CONSTRAINT "working_hours_range_check" CHECK("start_time" < "end_time"),
	CONSTRAINT "working_hours_break_start_check" CHECK("break_start" glob '[0-2][0-9]:[0-5][0-9]' and "break_start" <= '24:00'),
	CONSTRAINT "working_hours_break_end_check" CHECK("break_end" glob '[0-2][0-9]:[0-5][0-9]' and "break_end" <= '24:00'),
	CONSTRAINT "working_hours_break_check" CHECK(("break_start" is null and "break_end" is null) or ("break_start" is not null and "break_end" is not null and "start_time" <= "break_start" and "break_start" < "break_end" and "break_end" <= "end_time")),
	CONSTRAINT "working_hours_valid_from_check" CHECK("valid_from" glob '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	CONSTRAINT "working_hours_valid_until_check" CHECK("valid_until" glob '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	CONSTRAINT "working_hours_validity_check" CHECK("valid_from" is null or "valid_until" is null or "valid_from" <= "valid_until")
);
--> statement-breakpoint
CREATE INDEX `working_hours_company_staff_day_idx` ON `working_hours` (`company_id`,`staff_id`,`day_of_week`);--> statement-breakpoint
CREATE INDEX `working_hours_staff_idx` ON `working_hours` (`staff_id`);--> statement-breakpoint
CREATE INDEX `working_hours_branch_idx` ON `working_hours` (`branch_id`);--> statement-breakpoint
CREATE TABLE `branches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`email` text,
	`street` text,
	`postal_code` text,
	`city` text,
	`country` text DEFAULT 'DE' NOT NULL,
	`latitude` real,
	`longitude` real,
	`timezone` text DEFAULT 'Europe/Berlin' NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`is_main` integer DEFAULT false NOT NULL,
	`service_radius_km` integer,
	`transport_info` text,
	`business_hours` text,
	`settings` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "branches_country_check" CHECK("country" glob '[A-Z][A-Z]'),
	CONSTRAINT "branches_latitude_check" CHECK("latitude" between -90 and 90),
	CONSTRAINT "branches_longitude_check" CHECK("longitude" between -180 and 180),
	CONSTRAINT "branches_service_radius_check" CHECK("service_radius_km" > 0)
);
--> statement-breakpoint
CREATE INDEX `branches_company_idx` ON `branches` (`company_id`,`is_active`);--> statement-breakpoint
CREATE UNIQUE INDEX `branches_company_main_uq` ON `branches` (`company_id`) WHERE "is_main" = 1 and "deleted_at" is null;--> statement-breakpoint
CREATE TABLE `companies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` integer NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`email` text,
	`phone` text,
	`country` text DEFAULT 'DE' NOT NULL,
	`timezone` text DEFAULT 'Europe/Berlin' NOT NULL,
	`locale` text DEFAULT 'de' NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`balance_cents` integer DEFAULT 0 NOT NULL,
	`pricing_plan_id` integer,
	`commission_rate_bp` integer DEFAULT 0 NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`calcom_team_id` integer,
	`calcom_api_key_enc` text,
	`calcom_webhook_secret_enc` text,
	`retell_api_key_enc` text,
	`webhook_signing_secret_enc` text,
	`google_calendar_credentials_enc` text,
	`stripe_customer_id` text,
	`drift_strategy` text DEFAULT 'platform_wins' NOT NULL,
	`hold_ttl_seconds` integer DEFAULT 300 NOT NULL,
	`ip_whitelist` text,
	`settings` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pricing_plan_id`) REFERENCES `pricing_plans`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "companies_balance_integer_check" CHECK(typeof("balance_cents") = 'integer'),
	CONSTRAINT "companies_commission_rate_check" CHECK("commission_rate_bp" between 0 and 10000),
	CONSTRAINT "companies_hold_ttl_check" CHECK("hold_ttl_seconds" > 0),
	CONSTRAINT "companies_country_check" CHECK("country" glob '[A-Z][A-Z]'),
	CONSTRAINT "companies_currency_check" CHECK("currency" glob '[A-Z][A-Z][A-Z]'),
	CONSTRAINT "companies_drift_strategy_check" CHECK("drift_strategy" in ('platform_wins', 'calcom_wins'))
);
--> statement-breakpoint
CREATE INDEX `companies_tenant_idx` ON `companies` (`tenant_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `companies_tenant_slug_uq` ON `companies` (`tenant_id`,`slug`);--> statement-breakpoint
CREATE TABLE `tenants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`settings` text,
	`feature_flags` text,
	`limits` text,
	`trial_ends_at` integer,
	`pricing_plan_id` integer,
	`subscription_status` text,
	`stripe_customer_id` text,
	`stripe_subscription_id` text,
	`current_period_ends_at` integer,
	`webhook_url` text,
	`webhook_secret_enc` text,
	`calcom_api_key_enc` text,
	`retell_api_key_enc` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`pricing_plan_id`) REFERENCES `pricing_plans`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "tenants_status_check" CHECK("status" in ('trial', 'active', 'suspended', 'cancelled')),
	CONSTRAINT "tenants_subscription_status_check" CHECK("subscription_status" in ('trialing', 'active', 'past_due', 'canceled', 'unpaid', 'incomplete', 'incomplete_expired', 'paused'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tenants_slug_uq` ON `tenants` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `tenants_stripe_subscription_uq` ON `tenants` (`stripe_subscription_id`);