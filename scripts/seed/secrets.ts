/**
 * The Worker's credential formats reproduced with node:crypto, so seeded users, API keys and
 * encrypted secrets work with the real login, API key check and decryption:
 * - passwords: worker/src/auth/password.ts (PBKDF2-SHA256, 100,000 iterations, 16-byte salt)
 * - API keys: worker/src/auth/api-key-format.ts (prefix in clear, SHA-256 hex of the whole key)
 * - secrets: worker/src/auth/encryption.ts (AES-256-GCM, `v1.<iv>.<ciphertext + tag>`)
 */
import { createCipheriv, createHash, createHmac, pbkdf2Sync } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";

// Copied from the Worker (its auth modules are typed for the Workers runtime, not Node);
// scripts/seed/check.ts verifies the seeded rows with the Worker's own functions.
/** worker/src/auth/password.ts PASSWORD_ITERATIONS */
const PASSWORD_ITERATIONS = 100_000;
/** worker/src/auth/api-key-format.ts API_KEY_PATTERN */
const API_KEY_PATTERN = /^tek_([a-z0-9]{10})_([A-Za-z0-9_-]{32,64})$/;

const toBase64Url = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64url");

/** A 16-byte salt derived from a label: demo data has fixed salts so the seed file is reproducible. */
export function fixedSalt(label: string): Buffer {
  return createHash("sha256").update(`seed-salt:${label}`).digest().subarray(0, 16);
}

/** A UUID (version 4 layout) derived from a label: stable across runs, like a seeded appointment uid. */
export function seedUuid(label: string): string {
  const bytes = createHash("sha256").update(`seed-uuid:${label}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function hashPassword(password: string, salt: Buffer): string {
  if (salt.byteLength !== 16) throw new Error("password salts are 16 bytes");
  const hash = pbkdf2Sync(password, salt, PASSWORD_ITERATIONS, 32, "sha256");
  return `pbkdf2_sha256$${PASSWORD_ITERATIONS}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

export interface StoredApiKey {
  prefix: string;
  keyHash: string;
}

export function storedApiKey(key: string): StoredApiKey {
  const match = API_KEY_PATTERN.exec(key);
  if (!match?.[1]) throw new Error(`API key ${key} does not match ${API_KEY_PATTERN}`);
  return { prefix: match[1], keyHash: createHash("sha256").update(key).digest("hex") };
}

/**
 * AES-256-GCM exactly as Web Crypto seals it (ciphertext followed by the 16-byte tag). The IV
 * is derived from key and plaintext (synthetic IV): the output is stable across runs, and an IV
 * is never reused for a different plaintext under the same key.
 */
export function encryptSecret(plaintext: string, base64Key: string): string {
  const key = decodeKey(base64Key);
  const iv = createHmac("sha256", key).update(`seed-iv:${plaintext}`).digest().subarray(0, 12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `v1.${toBase64Url(iv)}.${toBase64Url(sealed)}`;
}

function decodeKey(base64Key: string): Buffer {
  const key = Buffer.from(base64Key.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.byteLength !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes, base64 encoded");
  return key;
}

/** Reads one variable from the project's .dev.vars (created by `npm start`). */
export function readDevVar(file: string, name: string): string {
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: it holds ENCRYPTION_KEY, which the seed needs to encrypt the demo Retell key. ` +
        "Run `npm start` once (it creates the file) or create it with SESSION_SECRET and ENCRYPTION_KEY.",
    );
  }
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1] === name && match[2]) return match[2].replace(/^(["'])(.*)\1$/, "$2");
  }
  throw new Error(`${file} has no ${name}`);
}
