"""The till's use-cases, shared by the window and the command line: find a member, redeem, cancel,
authorise a PIN, and the manager's decisions on the exceptions."""
