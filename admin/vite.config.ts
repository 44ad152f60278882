import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const adminRoot = fileURLToPath(new URL(".", import.meta.url));

/** Builds the admin SPA from admin/ into admin/dist; run from the repo root with --config admin/vite.config.ts. */
export default defineConfig({
  root: adminRoot,
  base: "/",
  plugins: [solid()],
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    target: "es2023",
    sourcemap: false,
    // Everything ships as files: the CSP allows no inline scripts.
    assetsInlineLimit: 0,
  },
  server: {
    // `vite --config admin/vite.config.ts` during development: forward the API to a local worker.
    proxy: { "/api": process.env.ADMIN_API_ORIGIN ?? "http://127.0.0.1:8787" },
  },
});
