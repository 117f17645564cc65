import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import { emulator } from 'build-time-data';
import '@vaadin/button';
import '@vaadin/text-field';
import '@vaadin/text-area';
import '@vaadin/select';

/**
 * Hexclave card page: mint a token from the Dev Services emulator, show the effective configuration (secrets
 * masked) and the JWKS cache, and verify a pasted token with the reason it fails.
 */
export class QwcHexclaveTokens extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 1em; padding: 1em; }
        section { border: 1px solid var(--lumo-contrast-10pct); border-radius: 6px; padding: 0.8em; }
        h3 { margin: 0 0 0.5em 0; font-size: var(--lumo-font-size-l); }
        .row { display: flex; gap: 0.5em; align-items: baseline; flex-wrap: wrap; }
        pre { white-space: pre-wrap; word-break: break-all; background: var(--lumo-contrast-5pct);
              padding: 0.5em; border-radius: 4px; margin: 0.3em 0; }
        .ok { color: var(--lumo-success-text-color); font-weight: bold; }
        .ko { color: var(--lumo-error-text-color); font-weight: bold; }
        table { border-collapse: collapse; }
        td { padding: 2px 10px 2px 0; vertical-align: top; word-break: break-all; }
        td:first-child { color: var(--lumo-contrast-60pct); }
    `;

    static properties = {
        _config: { state: true },
        _jwks: { state: true },
        _minted: { state: true },
        _apiKey: { state: true },
        _verdict: { state: true },
        _email: { state: true },
        _name: { state: true },
        _class: { state: true },
        _token: { state: true },
        _webhooks: { state: true },
    };

    constructor() {
        super();
        this._email = '';
        this._name = '';
        this._class = 'NORMAL';
        this._token = '';
        this._classes = [
            { label: 'Normal', value: 'NORMAL' },
            { label: 'Restricted', value: 'RESTRICTED' },
            { label: 'Anonymous', value: 'ANONYMOUS' },
        ];
    }

    connectedCallback() {
        super.connectedCallback();
        this.jsonRpc.effectiveConfig().then(r => this._config = r.result);
        this.jsonRpc.jwksStatus().then(r => this._jwks = r.result);
        this._refreshWebhooks();
    }

    render() {
        return html`
            ${this._renderMint()}
            ${this._renderVerify()}
            ${this._renderJwks()}
            ${this._renderWebhooks()}
            ${this._renderConfig()}`;
    }

    _renderMint() {
        const running = emulator && emulator.apiUrl;
        return html`<section>
            <h3>Mint a token</h3>
            ${running ? html`
                <div class="row">
                    <vaadin-text-field label="E-mail" placeholder="generated"
                        .value=${this._email} @value-changed=${e => this._email = e.detail.value}></vaadin-text-field>
                    <vaadin-text-field label="Display name" placeholder="generated"
                        .value=${this._name} @value-changed=${e => this._name = e.detail.value}></vaadin-text-field>
                    <vaadin-select label="User class" .items=${this._classes} .value=${this._class}
                        @value-changed=${e => this._class = e.detail.value}></vaadin-select>
                    <vaadin-button theme="primary" @click=${this._mint}>Mint for a new user</vaadin-button>
                    <vaadin-button @click=${this._mintDemo}>Mint for ${emulator.demoUser}</vaadin-button>
                </div>
                ${this._renderMinted()}`
            : html`<div>No emulator: Dev Services did not start it (quarkus.hexclave.api-url is set, or
                    quarkus.hexclave.devservices.enabled=false).</div>`}
        </section>`;
    }

    _renderMinted() {
        const m = this._minted;
        if (!m) return html``;
        if (m.error) return html`<div class="ko">${m.error}</div>`;
        return html`
            <div>User <code>${m.userId}</code> (${m.userClass}${m.email ? ', ' + m.email : ''})</div>
            <pre>${m.authorizationHeader}</pre>
            <vaadin-button theme="small" @click=${() => navigator.clipboard.writeText(m.token)}>Copy token</vaadin-button>
            <vaadin-button theme="small" @click=${() => { this._token = m.token; this._verify(); }}>Verify it</vaadin-button>
            <vaadin-button theme="small" @click=${() => this._createApiKey(m.userId)}>Create an API key for this user</vaadin-button>
            ${this._renderApiKey()}`;
    }

    _renderApiKey() {
        const k = this._apiKey;
        if (!k) return html``;
        if (k.error) return html`<div class="ko">${k.error}</div>`;
        return html`
            <div>API key <code>${k.keyId}</code> of <code>${k.userId}</code> (shown once):</div>
            <pre>${k.curl}</pre>
            <vaadin-button theme="small" @click=${() => navigator.clipboard.writeText(k.apiKey)}>Copy key</vaadin-button>`;
    }

    _createApiKey(userId) {
        this.jsonRpc.createApiKey({ userId: userId }).then(r => { this._apiKey = r.result; });
    }

    _renderVerify() {
        return html`<section>
            <h3>Verify a token</h3>
            <vaadin-text-area style="width: 100%" label="Access token (with or without Bearer)"
                .value=${this._token} @value-changed=${e => this._token = e.detail.value}></vaadin-text-area>
            <vaadin-button @click=${this._verify}>Verify</vaadin-button>
            ${this._renderVerdict()}
        </section>`;
    }

    _renderVerdict() {
        const v = this._verdict;
        if (!v) return html``;
        if (v.error) return html`<div class="ko">${v.error}</div>`;
        return html`
            ${v.accepted
                ? html`<div class="ok">Accepted</div>${this._table(v.principal)}
                       ${v.permissions ? html`<div>Permissions (asked from Hexclave now: they are not in the token)</div>
                           <pre>${JSON.stringify(v.permissions, null, 2)}</pre>` : ''}`
                : html`<div class="ko">Rejected: ${v.reason}</div>
                       <div>${v.description}${v.detail && v.detail !== v.description ? ' — ' + v.detail : ''}</div>
                       ${v.wwwAuthenticate ? html`<pre>WWW-Authenticate: ${v.wwwAuthenticate}</pre>` : ''}`}
            ${v.header ? html`<div>Header (unverified)</div><pre>${JSON.stringify(v.header, null, 2)}</pre>` : ''}
            ${v.claims ? html`<div>Claims (unverified)</div><pre>${JSON.stringify(v.claims, null, 2)}</pre>` : ''}`;
    }

    _renderJwks() {
        return html`<section>
            <h3>Signing keys (JWKS cache)</h3>
            ${this._jwks ? this._table(this._jwks) : html`loading…`}
            <vaadin-button theme="small" @click=${this._refresh}>Fetch keys (once per refresh cooldown)</vaadin-button>
        </section>`;
    }

    _renderWebhooks() {
        const w = this._webhooks;
        return html`<section>
            <h3>Webhook deliveries</h3>
            ${w ? html`<div>Route: <code>${w.route}</code></div>
                ${w.deliveries.length === 0 ? html`<div>No delivery yet.</div>` : html`<table>
                    <tr><td>at</td><td>type</td><td>id</td><td>outcome</td><td>status</td><td>detail</td></tr>
                    ${w.deliveries.map(d => html`<tr><td>${d.at}</td><td>${d.type || '—'}</td><td>${d.id || '—'}</td>
                        <td class=${d.outcome === 'DELIVERED' || d.outcome === 'DUPLICATE' ? 'ok' : 'ko'}>${d.outcome}</td>
                        <td>${d.status}</td><td>${d.detail || ''}</td></tr>`)}
                </table>`}` : html`loading…`}
            <vaadin-button theme="small" @click=${this._refreshWebhooks}>Refresh</vaadin-button>
        </section>`;
    }

    _refreshWebhooks() {
        this.jsonRpc.webhookDeliveries().then(r => this._webhooks = r.result);
    }

    _renderConfig() {
        return html`<section>
            <h3>Effective configuration</h3>
            ${this._config ? this._table(this._config) : html`loading…`}
        </section>`;
    }

    _table(obj) {
        return html`<table>${Object.entries(obj || {}).map(([k, v]) => html`<tr><td>${k}</td><td>${
            v === null || v === undefined ? '—' : (typeof v === 'object' ? JSON.stringify(v) : String(v))}</td></tr>`)}</table>`;
    }

    _mint() {
        this.jsonRpc.mintToken({ email: this._email, displayName: this._name, userClass: this._class })
            .then(r => { this._minted = r.result; this._apiKey = null; this._refreshStatus(); });
    }

    _mintDemo() {
        this.jsonRpc.mintDemoToken().then(r => { this._minted = r.result; });
    }

    _verify() {
        this.jsonRpc.verifyToken({ token: this._token })
            .then(r => { this._verdict = r.result; this._refreshStatus(); });
    }

    _refresh() {
        this.jsonRpc.refreshKeys().then(r => this._jwks = r.result);
    }

    _refreshStatus() {
        this.jsonRpc.jwksStatus().then(r => this._jwks = r.result);
    }
}
customElements.define('qwc-hexclave-tokens', QwcHexclaveTokens);
