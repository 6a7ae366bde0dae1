// Serverless method: signs a five-minute HS256 JWT naming the logged-in agent, with the secure
// shared-secret iparam, which never reaches the browser.
const crypto = require('crypto');

function base64url(value) {
  return Buffer.from(value).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

exports = {
  signSession: function (args) {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(JSON.stringify({
      iss: args.iparams.freshdeskDomain,
      aud: 'helpdeskgamify:' + args.iparams.tenant,
      sub: String(args.userId),
      name: args.name,
      iat: now,
      nbf: now,
      exp: now + 300,
    }));
    const signature = crypto.createHmac('sha256', args.iparams.sharedSecret).update(header + '.' + payload).digest('base64')
      .replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    renderData(null, { token: header + '.' + payload + '.' + signature });
  },
};
