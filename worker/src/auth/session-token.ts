import { jwtVerify, SignJWT } from "jose";

/** Claims of the short-lived access token kept in the session cookie. */
export interface SessionClaims {
  /** user id */
  sub: string;
  /** session id (the user_sessions row; logout revokes it) */
  sid: string;
}

const ISSUER = "termin-edge";
const keys = new Map<string, Uint8Array>();
const keyFor = (secret: string) => {
  let key = keys.get(secret);
  if (!key) {
    if (secret.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters");
    key = new TextEncoder().encode(secret);
    keys.set(secret, key);
  }
  return key;
};

export async function signSessionToken(
  claims: SessionClaims,
  secret: string,
  ttlSeconds: number,
): Promise<string> {
  return new SignJWT({ sid: claims.sid })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keyFor(secret));
}

/** The claims of a valid, unexpired token, or null for anything else. */
export async function verifySessionToken(token: string, secret: string): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, keyFor(secret), { issuer: ISSUER, algorithms: ["HS256"] });
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string") return null;
    return { sub: payload.sub, sid: payload.sid };
  } catch {
    return null;
  }
}
