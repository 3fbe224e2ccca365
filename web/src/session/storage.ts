/**
 * What survives a reload, in localStorage. Storage can be unavailable (private modes, quotas), in
 * which case the app still works for the life of the page.
 */
const REFRESH_TOKEN_KEY = "storefront.refreshToken";
const CART_TOKEN_KEY = "storefront.cartToken";

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Not persisted: the value lives only as long as the page does.
  }
}

/**
 * The refresh token. Trade-off: localStorage is readable by any script on this origin, so an XSS
 * could steal it; an httpOnly cookie would not be, but the router speaks bearer tokens only and a
 * cookie would bring CSRF concerns of its own. The damage is bounded: the token is single-use and
 * rotated on every refresh, reuse of a rotated token revokes the whole session, and sign-out
 * revokes it at the server. The access token itself is kept in memory only.
 */
export const refreshTokenStorage = {
  get: () => read(REFRESH_TOKEN_KEY),
  set: (token: string | null) => write(REFRESH_TOKEN_KEY, token),
};

/** A guest cart's token (`x-cart-token`), until the guest signs in and the cart is merged. */
export const cartTokenStorage = {
  get: () => read(CART_TOKEN_KEY),
  set: (token: string | null) => write(CART_TOKEN_KEY, token),
};
