"""The Stamps API client: authentication, request and response models, and the error taxonomy."""
