"""What the till may do without the server: the member and catalogue cache, projected balances,
the offline policy and the connectivity state."""
