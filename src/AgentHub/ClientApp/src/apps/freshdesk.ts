// Runs inside the Freshdesk ticket sidebar. The app's serverless function (server/server.js)
// signs a short JWT with the secure shared-secret iparam; the page exchanges it for an agent
// token and opens the agent view with the token in the URL fragment.
interface FreshClient {
  iparams: { get(): Promise<Record<string, string>> };
  data: { get(name: string): Promise<Record<string, unknown>> };
  request: { invoke(name: string, args: Record<string, unknown>): Promise<{ response: { token: string } }> };
}
interface FreshApp { initialized(): Promise<FreshClient>; }

export {};

const statusLine = document.getElementById('status')!;
const host = (window as unknown as { app?: FreshApp }).app;

if (!host) {
  statusLine.textContent = 'Open this app from Freshdesk.';
} else {
  void open(host);
}

async function open(app: FreshApp): Promise<void> {
  try {
    const client = await app.initialized();
    const { hubUrl, tenant } = await client.iparams.get();
    const base = hubUrl.replace(/\/+$/, '');
    const { loggedInUser } = await client.data.get('loggedInUser') as { loggedInUser: { id: number; contact?: { name?: string } } };
    const signed = await client.request.invoke('signSession', { userId: String(loggedInUser.id), name: loggedInUser.contact?.name ?? '' });
    const response = await fetch(`${base}/api/tenants/${encodeURIComponent(tenant)}/apps/freshdesk/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: signed.response.token }),
    });
    if (!response.ok) throw new Error(String(response.status));
    const session = await response.json() as { agentUrl: string };
    window.location.replace(`${base}${session.agentUrl}`);
  } catch {
    statusLine.textContent = 'Could not sign you in to HelpdeskGamify. Ask your admin to check the app settings.';
  }
}
