"""Manager mode's screens: the page (history, exceptions, audit log, day, people), the details of
one redemption, the decision dialogs and the settings; the controllers under
``app/ui/controllers`` act on them."""
