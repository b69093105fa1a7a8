"""The till's widgets: views that take plain values (``app.ui.viewmodels``) and emit signals."""
