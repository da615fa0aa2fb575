"""Self-service check-in pages served from the facilitator's laptop: an attendee page (find yourself or fill in
a card) and a desk page behind a PIN. Every write goes through the same store and domain functions as the app."""
