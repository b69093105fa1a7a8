"""Alembic migration scripts for the till's database."""
