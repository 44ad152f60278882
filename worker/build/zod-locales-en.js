// zod re-exports all of its ~50 locales as a namespace (`export * as locales`), which esbuild
// cannot tree-shake: about 250 KiB of translations the API never uses (its messages are English,
// zod's default, and the platform words its own German errors). wrangler.toml aliases zod's
// internal "../locales/index.js" to this file, so only English is bundled.
export { default as en } from "zod/v4/locales/en.js";
