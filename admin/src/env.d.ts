interface ImportMetaEnv {
  /** Origin of the API when the admin is served from elsewhere (same site!); empty: same origin. */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
