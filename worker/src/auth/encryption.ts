import { fromBase64Url, randomBytes, toBase64Url } from "./crypto-helpers";

/**
 * AES-256-GCM for third-party credentials at rest (Cal.com and Retell keys, webhook secrets).
 * Stored as `v1.<iv b64url>.<ciphertext b64url>`; the version prefix allows key rotation later.
 */
const keyCache = new Map<string, Promise<CryptoKey>>();

function importKey(base64Key: string): Promise<CryptoKey> {
  let key = keyCache.get(base64Key);
  if (!key) {
    const raw = fromBase64Url(base64Key);
    if (raw.byteLength !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes, base64 encoded");
    key = crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
    keyCache.set(base64Key, key);
  }
  return key;
}

export async function encryptSecret(plaintext: string, base64Key: string): Promise<string> {
  const iv = randomBytes(12);
  const key = await importKey(base64Key);
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv },
    key,
    new TextEncoder().encode(plaintext),
  );
  return `v1.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`;
}

export async function decryptSecret(stored: string, base64Key: string): Promise<string> {
  const [version, ivText, sealedText] = stored.split(".");
  if (version !== "v1" || !ivText || !sealedText) throw new Error("Unknown secret format");
  const key = await importKey(base64Key);
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: fromBase64Url(ivText) },
    key,
    fromBase64Url(sealedText),
  );
  return new TextDecoder().decode(plain);
}
