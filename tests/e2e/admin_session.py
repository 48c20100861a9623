"""Logging staff in to the admin in Chromium, as they do: name, password, then the code
their authenticator app shows (staff have a second factor: tests.editorial_support)."""

from tests.editorial_support import totp_code


def admin_log_in(context, live_server, username, password, *, timeout=15_000):
    """A page of `context` on the admin's dashboard, `username` logged in. The page keeps
    the Content-Security-Policy violations its console reports in ``csp_violations``: the
    admin runs under the policy, and nothing it needs may be blocked."""
    page = context.new_page()
    page.set_default_timeout(timeout)
    page.on("dialog", lambda dialog: dialog.accept())
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            page.csp_violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/admin/to-trinn/?next=%2Fadmin%2F")
    page.fill("input[name=token]", totp_code())
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    return page
