package io.quarkiverse.hexclave.it.jakarta;

import jakarta.servlet.annotation.WebServlet;

import io.quarkiverse.hexclave.jakarta.HexclaveWebhookServlet;

/** The application enables Hexclave's webhook endpoint at the path it gives Hexclave. */
@WebServlet("/hexclave/webhook")
public class HexclaveWebhook extends HexclaveWebhookServlet {

    private static final long serialVersionUID = 1L;
}
