"""The Kamer progress report (voortgangsrapportage): ``build`` makes the view of one report;
the HTML comes from templates/rapportage.html.j2, the PDF from that HTML."""
