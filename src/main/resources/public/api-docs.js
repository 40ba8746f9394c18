// Renders /api/openapi.json; kept in a file because the CSP allows no inline script.
window.addEventListener("load", function () {
  window.SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#api-docs", deepLinking: true });
});
