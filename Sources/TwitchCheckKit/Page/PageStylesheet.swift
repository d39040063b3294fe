/// The page's only stylesheet, served by twitchcheck itself at ``path`` (no web fonts, no other host).
///
/// System fonts; every text colour meets WCAG AA contrast on its background; severity badges
/// carry the word as well as the colour; a print style drops the forms.
public enum PageStylesheet {
    /// Where the server serves ``css``.
    public static let path = "/static/twitchcheck.css"

    /// The stylesheet.
    public static let css = """
    :root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c9c9c9; --accent: #0b5394;
            --contraindicated: #6d0019; --major: #a4161a; --moderate: #7a4d00; --minor: #35556f; }
    * { box-sizing: border-box; }
    html { font-size: 100%; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
           line-height: 1.5; color: var(--ink); background: #fff; }
    header, main, footer { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
    header { display: flex; align-items: baseline; gap: 0.75rem; border-bottom: 1px solid var(--line); }
    .brand { font-weight: 700; font-size: 1.25rem; margin: 0.75rem 0; }
    .brand a { color: var(--ink); text-decoration: none; }
    .tagline { color: var(--muted); margin: 0; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1rem; top: 0.5rem; background: #fff; padding: 0.25rem 0.5rem; outline: 3px solid var(--accent); }
    h1 { font-size: 1.6rem; line-height: 1.25; margin: 1.25rem 0 0.5rem; }
    h2 { font-size: 1.25rem; margin: 1.75rem 0 0.5rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
    h3 { font-size: 1.1rem; margin: 0 0 0.25rem; }
    a { color: var(--accent); }
    a:focus, button:focus, textarea:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
    .lede, .meaning, .counts { font-size: 1.05rem; }
    .badge { display: inline-block; padding: 0.1rem 0.45rem; border-radius: 0.25rem; color: #fff;
             font-size: 0.85em; font-weight: 700; letter-spacing: 0.03em; vertical-align: 0.1em; }
    .badge.contraindicated { background: var(--contraindicated); }
    .badge.major { background: var(--major); }
    .badge.moderate { background: var(--moderate); }
    .badge.minor { background: var(--minor); }
    .warning, .problem { border-left: 0.35rem solid var(--major); padding: 0.35rem 0.75rem; background: #fdf1f1; }
    .not-checked { border: 2px solid var(--major); border-radius: 0.4rem; padding: 0 1rem 0.5rem; margin-top: 1.25rem; }
    .not-checked h2 { border-bottom: none; margin-top: 0.75rem; }
    .typed { overflow-wrap: anywhere; }
    .suggestion { display: inline; margin: 0 0.25rem 0 0; }
    .suggestion button { font: inherit; padding: 0.1rem 0.5rem; margin: 0.15rem 0; cursor: pointer;
                         border: 1px solid var(--accent); border-radius: 0.25rem; background: #eef4fb; color: var(--accent); }
    .finding { border: 1px solid var(--line); border-left-width: 0.5rem; border-radius: 0.3rem;
               padding: 0.75rem 1rem; margin: 0.75rem 0; break-inside: avoid; }
    .finding.contraindicated { border-left-color: var(--contraindicated); }
    .finding.major { border-left-color: var(--major); }
    .finding.moderate { border-left-color: var(--moderate); }
    .finding.minor { border-left-color: var(--minor); }
    .kind, .hint, .how, .version { color: var(--muted); }
    .kind { margin: 0 0 0.5rem; font-size: 0.95rem; }
    dl { margin: 0.5rem 0 0; }
    dt { font-weight: 700; }
    dd { margin: 0 0 0.5rem 0; }
    .checked, .sources { padding-left: 1.25rem; }
    .sources li { overflow-wrap: anywhere; margin-bottom: 0.35rem; }
    form.list { margin: 1rem 0 1.5rem; }
    label { display: block; font-weight: 700; }
    .hint { margin: 0 0 0.35rem; }
    textarea { width: 100%; font: inherit; padding: 0.5rem; border: 2px solid #6b6b6b; border-radius: 0.3rem; }
    form.list button { margin-top: 0.5rem; font: inherit; font-weight: 700; padding: 0.5rem 1.25rem; border: none;
                       border-radius: 0.3rem; background: var(--accent); color: #fff; cursor: pointer; }
    footer { border-top: 1px solid var(--line); margin-top: 2rem; padding-bottom: 2rem; }
    @media (max-width: 30rem) { h1 { font-size: 1.35rem; } header { flex-direction: column; gap: 0; } .tagline { margin-bottom: 0.5rem; } }
    @media print { .again, form, .skip { display: none; } a { color: var(--ink); text-decoration: none; }
                   .finding { border-color: #000; } .badge { color: #000; border: 1px solid #000; background: none; } }

    """
}
