"""Session mode: upprop, arrivals, departures, jäv, ersättare and quorum, live and by keyboard."""
