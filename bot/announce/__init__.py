"""Announcements: members choose topics (/abonnements), the staff broadcast (/annonce)."""
