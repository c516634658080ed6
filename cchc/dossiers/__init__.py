"""One-stop dossiers: intake, the workflow through the process steps, the standard forms."""
