"""Pipeline stages, one module each: actors, time, places, quotes, events."""
