"""The `loket` command: serve, worker, manage."""

import argparse
import os
import sys
import threading


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")
    import django

    django.setup()


def _start_worker_thread() -> threading.Thread:
    """The background worker inside the web process: the embedded default needs only one process."""
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["*"],
        interval=0.5,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=f"serve-{os.getpid()}",
        excluded_queue_names=[],
    )
    thread = threading.Thread(target=worker.run, name="loket-worker", daemon=True)
    thread.start()
    return thread


def serve(host: str, port: int) -> None:
    _setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from loket import daily
    from loket.guidance import actions as guidance_actions
    from loket.knowledge import demo

    print("Loket: preparing the database…", flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    if demo.database_is_empty():
        print("Loket: empty database, loading the demo content…", flush=True)
        editor_password = demo.load_demo_content(with_editor=not settings.PRODUCTION)
        if editor_password:
            print(f"Loket: editor account 'redacteur', password {editor_password} (shown once)", flush=True)
    guidance_actions.load_guidance_content()
    daily.plan_all()
    _start_worker_thread()
    if settings.LOKET_IMAP_URL:  # the mailboxes too, so that one process is still all it takes
        from loket.contact import imap

        imap.start(imap.parse_urls(settings.LOKET_IMAP_URL), threading.Event())

    base = f"http://{'localhost' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}"  # noqa: S104
    print(
        "\nLoket is running:\n"
        f"  site (Dutch)     {base}/\n"
        f"  site (English)   {base}/en/\n"
        f"  staff sign-in    {base}/staff/login/\n"
        f"  agents' console  {base}/console/\n"
        f"  editors' admin   {base}/admin/\n"
        f"  JSON API         {base}/api/openapi.json\n"
        f"  health           {base}/healthz\n"
        f"  database         {settings.DATABASES['default']['NAME']}\n"
        f"  outgoing mail    {getattr(settings, 'EMAIL_FILE_PATH', None) or settings.EMAIL_HOST}\n"
        + (f"  mailboxes        {settings.LOKET_IMAP_URL.count('://')} over IMAP\n" if settings.LOKET_IMAP_URL else ""),
        flush=True,
    )
    _run_web_server(host, port, workers=1)


def web(host: str, port: int, workers: int) -> None:
    """Only the web server: for deployments where migrations and the worker run on their own (docs/operations.md)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")
    _run_web_server(host, port, workers)


def _run_web_server(host: str, port: int, workers: int) -> None:
    import uvicorn

    uvicorn.run(
        "loket.asgi:application",
        host=host,
        port=port,
        workers=workers,
        lifespan="off",
        log_level="warning",
        # Forwarded headers are judged by Loket itself, against LOKET_TRUSTED_PROXIES (loket/security.py): uvicorn
        # would otherwise believe them from 127.0.0.1 and rewrite the client's address before Loket sees it.
        proxy_headers=False,
        ws_max_size=64 * 1024,
        # Chat frames are small (8 KB at most) and mostly tiny: compression would cost tens of KB of zlib state per
        # connection (docs/benchmarks.md) and save next to nothing.
        ws_per_message_deflate=False,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="loket", description="Loket, an information desk for public services.")
    commands = parser.add_subparsers(dest="command", required=True)
    serve_parser = commands.add_parser("serve", help="migrate, load demo content when empty, run web and worker")
    serve_parser.add_argument("--host", default=os.environ.get("LOKET_HOST", "127.0.0.1"))
    serve_parser.add_argument("--port", type=int, default=int(os.environ.get("LOKET_PORT", "8000")))
    web_parser = commands.add_parser("web", help="the web server alone (no migrate, no worker), for many processes")
    web_parser.add_argument("--host", default=os.environ.get("LOKET_HOST", "127.0.0.1"))
    web_parser.add_argument("--port", type=int, default=int(os.environ.get("LOKET_PORT", "8000")))
    web_parser.add_argument("--workers", type=int, default=1, help="server processes on this port")
    commands.add_parser("worker", help="run the background worker alone (extra options go to db_worker)")
    commands.add_parser("manage", help="Django's management commands, e.g. `loket manage createsuperuser`")
    mail_in = commands.add_parser(
        "mail-in", help="the service's incoming mail, over SMTP or from IMAP mailboxes (replies thread into cases)"
    )
    mail_in.add_argument("source", nargs="?", choices=["smtp", "imap"], default="smtp", help="imap: LOKET_IMAP_URL")
    mail_in.add_argument("--host", default="127.0.0.1")
    mail_in.add_argument("--port", type=int, default=2525)
    check_parser = commands.add_parser("check", help="check a draft social-media post against the guidelines")
    from loket.guidance import cli as check_cli

    check_cli.add_arguments(check_parser)
    staff_parser = commands.add_parser("staff", help="staff accounts: add, list, disable, reset-2fa, set-roles")
    audit_parser = commands.add_parser("audit", help="the audit trail: who did what with personal data and access")
    privacy_parser = commands.add_parser("privacy", help="one person's data across every channel: export, erase; purge")
    from loket.audit import cli as audit_cli
    from loket.privacy import cli as privacy_cli
    from loket.staff import cli as staff_cli

    staff_cli.add_arguments(staff_parser)
    audit_cli.add_arguments(audit_parser)
    privacy_cli.add_arguments(privacy_parser)

    args, rest = parser.parse_known_args(argv)
    if args.command in ("check", "serve", "staff", "audit", "privacy") and rest:
        parser.error(f"unknown options: {' '.join(rest)}")
    if args.command == "check":
        sys.exit(check_cli.run(args))
    if args.command in ("staff", "audit", "privacy"):
        _setup_django()
        try:
            sys.exit({"staff": staff_cli, "audit": audit_cli, "privacy": privacy_cli}[args.command].run(args))
        except BrokenPipeError:  # `loket audit | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
    if args.command == "serve":
        serve(args.host, args.port)
    elif args.command == "web":
        web(args.host, args.port, args.workers)
    elif args.command == "mail-in":
        _setup_django()
        if args.source == "imap":
            from loket.contact.imap import serve_imap

            serve_imap()
        else:
            from loket.contact.mailin import serve_mail_in

            serve_mail_in(args.host, args.port)
    elif args.command == "worker":
        _setup_django()
        from django.core.management import call_command

        from loket import daily

        daily.plan_all()
        call_command("db_worker", *rest)
    else:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")
        from django.core.management import execute_from_command_line

        execute_from_command_line(["loket manage", *rest])


if __name__ == "__main__":
    main(sys.argv[1:])
