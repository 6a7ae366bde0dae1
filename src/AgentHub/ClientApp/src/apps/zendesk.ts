// Runs inside the Zendesk agent workspace (nav bar and ticket sidebar). It asks Zendesk's proxy to
// sign a short JWT with the app's secure shared secret (the secret never reaches the browser),
// exchanges it for an agent token, and opens the agent view with the token in the URL fragment.
import ZAFClient from 'zendesk_app_framework_sdk';

interface ZafClient {
  metadata(): Promise<{ settings: Record<string, string> }>;
  get(path: string): Promise<Record<string, unknown>>;
  request<T>(options: Record<string, unknown>): Promise<T>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
}

const client = (ZAFClient as { init(): ZafClient | false }).init();
const status = document.getElementById('status')!;

if (!client) {
  status.textContent = 'Open this app from Zendesk.';
} else {
  void open(client);
}

async function open(zaf: ZafClient): Promise<void> {
  try {
    const { settings } = await zaf.metadata();
    const base = settings.hubUrl.replace(/\/+$/, '');
    const tenant = settings.tenant;
    const context = await zaf.get('currentAccount');
    const subdomain = (context.currentAccount as { subdomain: string }).subdomain;
    const user = (await zaf.get('currentUser')).currentUser as { id: number; name: string };
    const session = await zaf.request<{ token: string; agentUrl: string }>({
      url: `${base}/api/tenants/${encodeURIComponent(tenant)}/apps/zendesk/session`,
      type: 'POST',
      contentType: 'application/json',
      data: JSON.stringify({}),
      secure: true,
      cors: false,
      jwt: {
        algorithm: 'HS256',
        secret_key: '{{setting.sharedSecret}}',
        expiry: 300,
        claims: { iss: `${subdomain}.zendesk.com`, aud: `helpdeskgamify:${tenant}`, sub: String(user.id), name: user.name },
      },
    });
    await zaf.invoke('resize', { width: '100%', height: '600px' });
    window.location.replace(`${base}${session.agentUrl}`);
  } catch {
    status.textContent = 'Could not sign you in to HelpdeskGamify. Ask your admin to check the app settings.';
  }
}
