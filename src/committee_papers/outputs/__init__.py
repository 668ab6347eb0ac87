"""Files the site publishes beside its pages: calendars, the feed, open data. Returned as bytes."""
