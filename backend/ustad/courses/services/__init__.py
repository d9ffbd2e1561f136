"""Every write to courses. Views, tasks and other apps call these; nothing else writes the models."""
