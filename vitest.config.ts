import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/**
 * Tests run inside the Workers runtime (workerd via Miniflare) with the bindings of
 * wrangler.toml: real D1, Durable Objects and queues. Migrations are applied by the setup file.
 */
export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          APP_ENV: "test",
          // The Cal.com double each sync test runs in process (see worker/test/calendar-sync/harness.ts).
          CALCOM_API_URL: "http://calcom.double/v2",
          // Tests trigger drift checks themselves; the sweep never decides to run one on its own.
          CALCOM_DRIFT_INTERVAL_MINUTES: "100000000",
          SESSION_SECRET: "test-session-secret-0123456789abcdef0123456789",
          ENCRYPTION_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
          CORS_ORIGINS: "https://admin.example.test",
          TEST_MIGRATIONS: await readD1Migrations("./drizzle/migrations"),
        },
      },
    }),
  ],
  test: {
    include: ["worker/test/**/*.test.ts"],
    setupFiles: ["./worker/test/setup/apply-migrations.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
}));
