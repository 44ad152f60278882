CREATE TABLE `batch_assertions` (
	`ok` integer NOT NULL,
	CONSTRAINT "batch_assertions_ok_check" CHECK("ok" = 1)
);
