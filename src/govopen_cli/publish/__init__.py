"""Static HTML pages: the public catalog page (``govopen publish``) and the same kind of page
for the province's table (``govopen summary -f html``) and for findings (``check -f html``).

One stylesheet and one script (``assets/``), nothing fetched from the internet: a page
opens from a folder, a USB stick or an intranet share.
"""
