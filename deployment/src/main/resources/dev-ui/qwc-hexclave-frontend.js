import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import { emulator } from 'build-time-data';
import '@vaadin/button';

/**
 * Hexclave card page: what a frontend pastes into the JS SDK's configuration to sign users in against the Hexclave
 * this application uses (the Dev Services emulator, or the configured one). The secret server key is never shown.
 */
export class QwcHexclaveFrontend extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 1em; padding: 1em; }
        section { border: 1px solid var(--lumo-contrast-10pct); border-radius: 6px; padding: 0.8em; }
        h3 { margin: 0 0 0.5em 0; font-size: var(--lumo-font-size-l); }
        pre { white-space: pre-wrap; word-break: break-all; background: var(--lumo-contrast-5pct);
              padding: 0.5em; border-radius: 4px; margin: 0.3em 0; }
        .hint { color: var(--lumo-warning-text-color, var(--lumo-contrast-70pct)); }
        table { border-collapse: collapse; }
        td { padding: 2px 10px 2px 0; vertical-align: top; word-break: break-all; }
        td:first-child { color: var(--lumo-contrast-60pct); }
    `;

    static properties = {
        _frontend: { state: true },
    };

    connectedCallback() {
        super.connectedCallback();
        this.jsonRpc.frontendConfig().then(r => this._frontend = r.result);
    }

    render() {
        const f = this._frontend;
        if (!f) return html`loading…`;
        if (f.error) return html`<div>${f.error}</div>`;
        const options = 'new StackClientApp({\n'
            + f.stackClientAppOptions.split('\n').filter(l => l).map(l => '  ' + l).join('\n')
            + '\n  tokenStore: "cookie",\n});';
        return html`
            <section>
                <h3>${f.emulator ? 'The Dev Services emulator, for your frontend' : 'The configured Hexclave'}</h3>
                <table>
                    <tr><td>Base URL</td><td><code>${f.baseUrl}</code></td></tr>
                    <tr><td>Project id</td><td><code>${f.projectId}</code></td></tr>
                    <tr><td>Publishable client key</td><td><code>${f.publishableClientKey ?? '(not set)'}</code></td></tr>
                </table>
                ${f.emulator && emulator && !emulator.portFixed ? html`<p class="hint">The emulator's port changes
                    with every start of dev mode: fix it with <code>quarkus.hexclave.devservices.port</code> (and the
                    key with <code>quarkus.hexclave.devservices.publishable-client-key</code>, the project with
                    <code>quarkus.hexclave.project-id</code>) so that the frontend's configuration survives
                    restarts.</p>` : ''}
            </section>
            <section>
                <h3>JS SDK (@stackframe/js)</h3>
                <pre>${options}</pre>
                <vaadin-button theme="small" @click=${() => navigator.clipboard.writeText(options)}>Copy</vaadin-button>
            </section>
            <section>
                <h3>Vite: .env.development.local</h3>
                <pre>${f.viteEnv}</pre>
                <vaadin-button theme="small" @click=${() => navigator.clipboard.writeText(f.viteEnv)}>Copy</vaadin-button>
            </section>`;
    }
}
customElements.define('qwc-hexclave-frontend', QwcHexclaveFrontend);
