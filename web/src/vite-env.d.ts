/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Public identifier of the `web` client at the router (not a secret: it ships in the bundle). */
  readonly VITE_API_KEY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

declare module "virtual:persisted-operation-ids" {
  /** Operation name → id in `schema/persisted/web.json`. */
  const ids: Record<string, string>;
  export default ids;
}
