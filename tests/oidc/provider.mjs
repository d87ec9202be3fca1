// The OpenID provider of the single sign-on tests: panva's oidc-provider with its development sign-in pages.
// PORT: where it listens; ACCOUNTS_FILE: {"login": {claims}} as JSON, read at every sign-in (tests change it);
// REDIRECT_URI: Loket's callback.
import { readFileSync } from "node:fs";
import Provider from "oidc-provider";

const port = Number(process.env.PORT);

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: "loket",
      client_secret: "loket-test-secret",
      redirect_uris: [process.env.REDIRECT_URI],
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  pkce: { required: () => true },
  claims: {
    openid: ["sub"],
    profile: ["name", "given_name", "family_name", "preferred_username", "roles", "groups"],
    email: ["email", "email_verified"],
  },
  conformIdTokenClaims: false, // the roles also in the ID token, as many providers do
  async findAccount(ctx, sub) {
    const claims = JSON.parse(readFileSync(process.env.ACCOUNTS_FILE, "utf8"))[sub];
    return claims && { accountId: sub, claims: async () => ({ sub, ...claims }) };
  },
  cookies: { keys: ["loket-test-cookie-key"] },
});
provider.proxy = false;
provider.listen(port, "127.0.0.1", () => console.log(`oidc-provider listening on ${port}`));
