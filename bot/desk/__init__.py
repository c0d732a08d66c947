"""The staff desk: tickets, staff replies, honest waiting times, reminders, the learning loop, statistics."""
