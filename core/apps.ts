import { randomBytes } from "node:crypto";
import { resolveConfig, type CoreConfig, type CoreConfigInput } from "./config";
import type { Store } from "./db/store";
import { SigningKeys } from "./tokens/signingKeys";

export const DEFAULT_APP = "public";
export const DEFAULT_TENANT = "public";

/** An app as requests see it: resolved config, refresh-token key and loaded signing keys. */
export type App = {
  id: string;
  config: CoreConfig;
  coreConfig: CoreConfigInput;
  refreshTokenKey: Buffer;
  keys: SigningKeys;
};

/**
 * Loads apps lazily and keeps them in memory, so a request costs no config parsing and no key
 * import. Config layers: base config (every app), then the default app's API key, then the app's
 * own `coreConfig`.
 */
export class AppRegistry {
  private readonly cache = new Map<string, Promise<App | undefined>>();

  constructor(
    private readonly store: Store,
    private readonly baseConfig: CoreConfigInput,
    private readonly defaultApiKey: string | undefined,
  ) {
    resolveConfig(baseConfig); // fail at start, not at the first request, on a bad base config
  }

  async init(): Promise<void> {
    if (!this.store.apps.find(DEFAULT_APP)) {
      this.store.apps.upsert(DEFAULT_APP, "{}", randomBytes(32));
    }
    await this.get(DEFAULT_APP);
  }

  get(appId: string): Promise<App | undefined> {
    let app = this.cache.get(appId);
    if (!app) {
      app = this.load(appId);
      this.cache.set(appId, app);
      // Unknown ids are not remembered: random paths must not grow the cache.
      const forget = () => this.cache.delete(appId);
      app.then((found) => {
        if (!found) forget();
      }, forget);
    }
    return app;
  }

  /** Throws a ZodError on a bad `coreConfig`; returns true when the app is new. */
  async upsert(appId: string, coreConfig: CoreConfigInput): Promise<boolean> {
    this.resolve(appId, coreConfig);
    const createdNew = this.store.apps.upsert(appId, JSON.stringify(coreConfig), randomBytes(32));
    this.cache.delete(appId);
    await this.get(appId);
    return createdNew;
  }

  remove(appId: string): boolean {
    this.cache.delete(appId);
    return this.store.apps.remove(appId);
  }

  private resolve(appId: string, coreConfig: CoreConfigInput): CoreConfig {
    const apiKey =
      appId === DEFAULT_APP && this.defaultApiKey ? { api_keys: this.defaultApiKey } : {};
    return resolveConfig(this.baseConfig, apiKey, coreConfig);
  }

  private async load(appId: string): Promise<App | undefined> {
    const row = this.store.apps.find(appId);
    if (!row) return undefined;
    const coreConfig = JSON.parse(row.core_config) as CoreConfigInput;
    const config = this.resolve(appId, coreConfig);
    const keys = await SigningKeys.load(appId, this.store, config);
    return { id: appId, config, coreConfig, refreshTokenKey: row.refresh_token_key, keys };
  }
}
