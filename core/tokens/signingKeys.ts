import { createPublicKey, generateKeyPair, randomUUID, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import { importPKCS8, type JWK } from "jose";
import type { CoreConfig } from "../config";
import type { Store } from "../db/store";

const generateRsaKeyPair = promisify(generateKeyPair);

export type SigningKey = {
  kid: string;
  createdAt: number;
  /** Signing goes through jose (WebCrypto, off the event loop). */
  privateKey: CryptoKey;
  /** Verification is synchronous node:crypto (see readAccessToken). */
  publicKey: KeyObject;
  jwk: JWK;
};

/**
 * One app's RS256 keys: rotating dynamic keys (`d-<createdAt>`) and one static key (`s-<uuid>`).
 * Keys are imported once and kept in memory; the database only matters at start and on rotation.
 */
export class SigningKeys {
  private dynamic: SigningKey[] = [];
  private static: SigningKey | undefined;
  private rotation: Promise<SigningKey> | undefined;

  private constructor(
    private readonly appId: string,
    private readonly store: Store,
    private readonly config: CoreConfig,
  ) {}

  static async load(appId: string, store: Store, config: CoreConfig): Promise<SigningKeys> {
    const keys = new SigningKeys(appId, store, config);
    for (const row of store.signingKeys.all(appId)) {
      const key = await importKey(row.kid, row.private_key_pem, row.created_at);
      if (row.kid.startsWith("s-")) keys.static = key;
      else keys.dynamic.push(key);
    }
    keys.static ??= await keys.create(`s-${randomUUID()}`);
    await keys.current(true);
    return keys;
  }

  /** The key to sign with now, creating the next dynamic key when the interval has passed. */
  async current(dynamic: boolean): Promise<SigningKey> {
    if (!dynamic && this.static) return this.static;
    const newest = this.dynamic.at(-1);
    const due = !newest || (this.config.rotateSigningKeys && this.nextRotation() <= Date.now());
    if (newest && !due) return newest;
    // Requests arriving during key generation wait for the same new key.
    this.rotation ??= this.create(`d-${Date.now()}`).finally(() => {
      this.rotation = undefined;
    });
    return this.rotation;
  }

  find(kid: string): SigningKey | undefined {
    if (this.static?.kid === kid) return this.static;
    return this.dynamic.find((key) => key.kid === kid);
  }

  /** Every key that may have signed a token that is still valid, after dropping the others. */
  published(): SigningKey[] {
    this.prune();
    return this.static ? [...this.dynamic, this.static] : [...this.dynamic];
  }

  /** Milliseconds at which the newest dynamic key stops being used. */
  nextRotation(): number {
    const newest = this.dynamic.at(-1);
    if (!newest || !this.config.rotateSigningKeys) return Number.POSITIVE_INFINITY;
    return newest.createdAt + this.config.signingKeyIntervalMs;
  }

  private prune(): void {
    const now = Date.now();
    // A key retired when its successor was created; its tokens live one access-token validity more.
    const live = this.dynamic.filter((key, index) => {
      const successor = this.dynamic[index + 1];
      return !successor || successor.createdAt + this.config.accessTokenValidityMs > now;
    });
    for (const key of this.dynamic) {
      if (!live.includes(key)) this.store.signingKeys.remove(this.appId, key.kid);
    }
    this.dynamic = live;
  }

  private async create(kid: string): Promise<SigningKey> {
    const { privateKey } = await generateRsaKeyPair("rsa", { modulusLength: 2048 });
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const createdAt = kid.startsWith("d-") ? Number(kid.slice(2)) : Date.now();
    const key = await importKey(kid, pem, createdAt);
    this.store.signingKeys.insert(this.appId, { kid, private_key_pem: pem, created_at: createdAt });
    if (kid.startsWith("d-")) this.dynamic.push(key);
    return key;
  }
}

async function importKey(kid: string, pem: string, createdAt: number): Promise<SigningKey> {
  const publicKey = createPublicKey(pem);
  const publicJwk = publicKey.export({ format: "jwk" });
  const jwk: JWK = { kty: "RSA", kid, n: publicJwk.n, e: publicJwk.e, alg: "RS256", use: "sig" };
  return {
    kid,
    createdAt,
    privateKey: await importPKCS8(pem, "RS256"),
    publicKey,
    jwk,
  };
}
