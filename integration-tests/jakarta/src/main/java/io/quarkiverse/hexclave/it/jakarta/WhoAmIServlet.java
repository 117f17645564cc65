package io.quarkiverse.hexclave.it.jakarta;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A plain servlet (no JAX-RS, so no endpoint grant): says who the container thinks the caller is. */
@WebServlet("/whoami")
public class WhoAmIServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(request.getUserPrincipal() == null ? "guest" : request.getUserPrincipal().getName());
    }
}
