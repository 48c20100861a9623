"""Whether a task worker runs the tasks, or each task runs at once where it is enqueued.

The production tier queues tasks in the database for ``manage.py db_worker``
(``TASKS_BACKEND=database``). The embedded tier and most tests use the immediate backend:
there a task runs inside the request that enqueues it. Work done ahead of time for a
reader (a PDF made, a page machine translated) pays only in a worker; with the immediate
backend it would make every publish wait, so it is not enqueued there.
"""

from django_tasks.backends.immediate import ImmediateBackend


def worker_runs(task) -> bool:
    """Whether `task`, enqueued, runs in a worker process rather than at once."""
    return not isinstance(task.get_backend(), ImmediateBackend)
