/// The one stylesheet: system fonts, a neutral grey scale, one accent, Okabe–Ito for status.
enum Stylesheet {
    static let css = """
        :root {
          --text: #1f2328; --muted: #57606a; --line: #d8dee4; --surface: #ffffff; --page: #f6f8fa;
          --accent: #0b5cad; --accent-text: #ffffff; --good: #007a5a; --bad: #b34700; --warn: #8a6d00;
          --radius: 8px; font-size: 16px;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          color: var(--text); background: var(--page); line-height: 1.45; }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
          outline: 3px solid #E69F00; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; background: var(--surface); padding: .5rem; }
        .skip:focus { left: .5rem; z-index: 10; }
        .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: .6rem 1rem;
          background: var(--surface); border-bottom: 1px solid var(--line); }
        .brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--text); }
        header nav { order: 3; width: 100%; }
        header nav ul { display: flex; flex-wrap: wrap; gap: .25rem; list-style: none; margin: 0; padding: 0; }
        header nav a { display: block; padding: .4rem .6rem; border-radius: 6px; text-decoration: none; color: var(--text); white-space: nowrap; }
        header nav a[aria-current=page] { background: #e7f0fa; color: var(--accent); font-weight: 600; }
        .top-actions { margin-left: auto; display: flex; align-items: center; gap: .75rem; flex-wrap: wrap; }
        .who { color: var(--muted); font-size: .9rem; }
        main { padding: 1rem; max-width: 1200px; margin: 0 auto; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.15rem; margin: 0 0 .75rem; }
        .page-head { display: flex; flex-wrap: wrap; align-items: flex-start; justify-content: space-between; gap: .75rem; margin-bottom: 1rem; }
        .muted { color: var(--muted); margin: 0; }
        .small { font-size: .875rem; }
        .card { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem; margin-bottom: 1rem; }
        .grid-2 { display: grid; gap: 0 1rem; grid-template-columns: 1fr; }
        .button { display: inline-block; padding: .55rem .9rem; border-radius: 6px; border: 1px solid var(--line);
          background: var(--surface); color: var(--text); text-decoration: none; font: inherit; cursor: pointer; min-height: 44px; }
        .button.primary { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
        .button.danger { color: var(--bad); border-color: var(--bad); }
        .button.small { padding: .25rem .6rem; min-height: 32px; }
        button.link { background: none; border: none; color: var(--accent); font: inherit; cursor: pointer; padding: 0; text-decoration: underline; }
        form.inline { display: inline; }
        .filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; margin-bottom: 1rem; }
        .filters .grow { flex: 1 1 16rem; }
        .filters .field { margin-bottom: 0; }
        .field { margin-bottom: .9rem; }
        .field label, fieldset legend { display: block; font-weight: 600; margin-bottom: .25rem; }
        .hint { color: var(--muted); font-size: .85rem; margin: 0 0 .25rem; }
        input[type=text], input[type=email], input[type=password], input[type=search], input[type=number],
        input[type=datetime-local], input[type=date], input[type=time], input[type=url], input[type=file], select, textarea {
          width: 100%; max-width: 40rem; padding: .55rem .6rem; border: 1px solid #8c959f; border-radius: 6px; font: inherit; background: #fff; min-height: 44px; }
        .filters input, .filters select { max-width: none; }
        .field.invalid input, .field.invalid select, .field.invalid textarea { border-color: var(--bad); border-width: 2px; }
        .field-error { color: var(--bad); font-size: .9rem; margin: .25rem 0 0; }
        .field-error::before { content: "! "; font-weight: 700; }
        fieldset { border: 1px solid var(--line); border-radius: var(--radius); padding: .75rem; margin: 0 0 1rem; }
        .check { display: flex; gap: .5rem; align-items: center; margin-bottom: .5rem; }
        .check input { width: 1.2rem; height: 1.2rem; }
        .check label { font-weight: normal; }
        details.more summary, details.danger-zone summary { cursor: pointer; font-weight: 600; margin-bottom: .5rem; }
        .form-actions { display: flex; gap: .5rem; flex-wrap: wrap; margin-top: .5rem; }
        .alert { padding: .75rem 1rem; border-radius: var(--radius); margin-bottom: 1rem; border: 1px solid; }
        .alert.error { background: #fff4ec; border-color: var(--bad); color: #7a3000; }
        .alert.success { background: #eaf7f2; border-color: var(--good); color: #00513b; }
        .secret { display: block; word-break: break-all; background: #fff; padding: .5rem; border-radius: 6px; margin-top: .5rem; font-size: 1rem; }
        .empty { padding: 2rem 1rem; text-align: center; color: var(--muted); background: var(--surface); border: 1px dashed var(--line); border-radius: var(--radius); }
        .tabs { display: flex; flex-wrap: wrap; gap: .25rem; margin: 0 0 1rem; border-bottom: 1px solid var(--line); }
        .tabs a { padding: .5rem .8rem; text-decoration: none; color: var(--text); border-bottom: 3px solid transparent; margin-bottom: -1px; }
        .tabs a[aria-current=page] { border-bottom-color: var(--accent); color: var(--accent); font-weight: 600; }
        blockquote.message { margin: 0 0 1rem; padding: .75rem 1rem; background: var(--surface); border-left: 4px solid var(--line); white-space: pre-wrap; }
        .row { display: flex; flex-wrap: wrap; gap: 1rem; }
        .row > .field { flex: 1 1 12rem; }
        .badge { display: inline-block; font-size: .8rem; padding: .1rem .45rem; border-radius: 999px; border: 1px solid; white-space: nowrap; }
        .badge-good { color: #005c44; border-color: #009E73; background: #e6f6f1; }
        .badge-bad { color: #8f3900; border-color: #D55E00; background: #fdf0e6; }
        .badge-warn { color: #6b5500; border-color: #E69F00; background: #fdf6e3; }
        .badge-neutral { color: var(--muted); border-color: var(--line); background: var(--page); }
        .tags { display: flex; gap: .25rem; flex-wrap: wrap; }
        .actions-row { display: flex; gap: .75rem; align-items: center; flex-wrap: wrap; margin-bottom: 1rem; }
        dl.facts { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: .35rem .75rem; margin: 0 0 1rem; }
        .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 1.25rem; }
        form.stack { margin-bottom: 1.5rem; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        ul.consents, ul.notes, ul.history, ul.plain { list-style: none; margin: 0; padding: 0; }
        ul.consents li { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; padding: .3rem 0; border-bottom: 1px solid var(--page); }
        .consent-channel { min-width: 8rem; }
        ul.notes li { border-top: 1px solid var(--line); padding: .5rem 0; }
        ul.notes li p { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
        ul.history li { padding: .25rem 0; font-size: .9rem; color: var(--muted); }
        .pager { display: flex; gap: .5rem; margin-top: 1rem; }
        .table-scroll { overflow-x: auto; }
        table.cards { width: 100%; border-collapse: collapse; background: var(--surface); font-variant-numeric: tabular-nums; }
        table.cards th, table.cards td { text-align: left; padding: .55rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        table.cards td { overflow-wrap: anywhere; }
        table.cards th { font-size: .85rem; color: var(--muted); font-weight: 600; }
        .num { text-align: right !important; }
        .sign-in { max-width: 26rem; margin: 3rem auto; }
        .error-page { max-width: 36rem; margin: 3rem auto; text-align: center; }
        @media (max-width: 639px) {
          table.cards thead { position: absolute; left: -9999px; }
          table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
          table.cards tr { border: 1px solid var(--line); border-radius: var(--radius); margin-bottom: .75rem; padding: .25rem .5rem; }
          table.cards td { border: none; padding: .3rem 0; display: grid; grid-template-columns: 8rem minmax(0, 1fr); gap: .5rem;
            overflow-wrap: anywhere; }
          table.cards td::before { content: attr(data-label); color: var(--muted); font-size: .85rem; }
          table.cards td.num { text-align: left !important; }
          .table-scroll { overflow: visible; }
        }
        @media (min-width: 760px) { .grid-2 { grid-template-columns: 1fr 1fr; } }
        @media (min-width: 1024px) {
          body { display: grid; grid-template-columns: 14rem minmax(0, 1fr); }
          header.top { grid-row: 1 / span 2; flex-direction: column; flex-wrap: nowrap; align-items: stretch; border-bottom: none;
            border-right: 1px solid var(--line); height: 100vh; position: sticky; top: 0; align-self: start;
            overflow-y: auto; }
          header nav { order: 0; overflow: visible; }
          header nav ul { flex-direction: column; }
          .top-actions { margin-left: 0; flex-direction: column; align-items: flex-start; }
          main { width: 100%; padding: 1.5rem 2rem; }
        }
        @media print { header.top, .pager, form, details { display: none !important; } body { display: block; background: #fff; } }
        .agenda-list { list-style: none; padding: 0; margin: 0 0 1.5rem; }
        .agenda-item { background: #fff; border: 1px solid #d8dde3; border-radius: 8px; padding: .75rem 1rem;
          margin-bottom: .5rem; }
        .agenda.overdue .agenda-item { border-left: 4px solid #b54708; }
        .agenda-head { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
        .agenda-meta { display: flex; flex-wrap: wrap; gap: .75rem; margin: .25rem 0; }
        .agenda-item .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .5rem; }
        details.outcome > summary { cursor: pointer; margin: .25rem 0; }
        body.public { display: block; background: var(--surface); }
        main.public { max-width: 36rem; padding: 1.25rem 1rem 2.5rem; }
        form.survey fieldset { border: none; border-top: 1px solid var(--line); border-radius: 0; padding: 1rem 0 .5rem; }
        form.survey fieldset.invalid legend { color: var(--bad); }
        .scale { display: grid; gap: .35rem; grid-template-columns: repeat(var(--n, 5), 1fr); }
        .scale-5 { --n: 5; } .scale-7 { --n: 7; } .scale-11 { --n: 6; }
        @media (min-width: 480px) { .scale-11 { --n: 11; } }
        .choice input { position: absolute; opacity: 0; width: 1px; height: 1px; }
        .choice label { display: flex; align-items: center; justify-content: center; min-height: 44px; padding: .4rem .6rem;
          border: 1px solid var(--line); border-radius: 6px; background: var(--surface); cursor: pointer; font-weight: 600; text-align: center; }
        .choice input:checked + label { background: var(--accent); border-color: var(--accent); color: var(--accent-text); }
        .choice input:focus-visible + label { outline: 3px solid #E69F00; outline-offset: 2px; }
        .choices { display: grid; gap: .35rem; } .choices.inline { grid-template-columns: 1fr 1fr; }
        .choices .choice label { justify-content: flex-start; font-weight: 400; }
        .scale-ends { display: flex; justify-content: space-between; color: var(--muted); font-size: .85rem; margin-top: .25rem; }
        .button.wide { width: 100%; margin-top: .5rem; }
        svg.chart { display: block; width: 100%; height: auto; max-width: 100%; }
        .chart-box { max-width: 46rem; margin: .5rem 0 1rem; }
        .narrow-only { display: none; }
        @media (max-width: 639px) { .wide-only { display: none; } .narrow-only { display: block; } }
        .sparkline { width: 8rem; margin: .35rem 0; }
        ul.step-grid { list-style: none; margin: 0 0 1rem; padding: 0; display: grid; gap: .75rem; grid-template-columns: 1fr; }
        @media (min-width: 640px) { ul.step-grid { grid-template-columns: 1fr 1fr; } }
        @media (min-width: 1280px) { ul.step-grid { grid-template-columns: 1fr 1fr 1fr; } }
        .step-card { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: .8rem 1rem; }
        .step-card h3 { font-size: 1rem; margin: 0; }
        .step-card p { margin: .15rem 0; }
        .step-card .figure { font-size: 1.8rem; font-weight: 700; font-variant-numeric: tabular-nums; margin: .25rem 0; }
        .step-card .figure.no-data { font-size: 1.1rem; color: var(--muted); font-weight: 600; }
        details.numbers { margin: .5rem 0; }
        details.numbers > summary { cursor: pointer; color: var(--accent); margin-bottom: .5rem; }
        p.export { margin: .5rem 0 0; font-size: .9rem; }
        ol.findings { margin: .5rem 0 1rem; padding-left: 1.4rem; }
        ol.findings li { margin-bottom: .5rem; }
        ol.timeline { list-style: none; margin: 0; padding: 0; }
        ol.timeline li { display: flex; flex-wrap: wrap; gap: .25rem .6rem; align-items: baseline; padding: .4rem 0;
          border-bottom: 1px solid var(--page); overflow-wrap: anywhere; }
        ol.timeline time { color: var(--muted); font-size: .85rem; font-variant-numeric: tabular-nums; min-width: 8.5rem; }
        .timeline-kind { font-weight: 600; font-size: .9rem; }
        @media print { details.numbers { display: block !important; } .card { break-inside: avoid; } }
        p.lede { max-width: 48rem; }
        form.forecast-form .field input, form.forecast-form .field select { max-width: 20rem; }
        form.forecast-form fieldset.form-section > legend { font-size: 1.1rem; padding: 0 .25rem; }
        fieldset.spread { display: grid; grid-template-columns: repeat(3, minmax(0, 8rem)); gap: .25rem .75rem; }
        fieldset.spread > legend { grid-column: 1 / -1; font-weight: 600; }
        fieldset.spread .field { margin: 0; }
        fieldset.spread .field label { font-weight: 400; color: var(--muted); font-size: .85rem; }
        fieldset.spread .field-error { grid-column: 1 / -1; }
        fieldset.spread.invalid legend { color: var(--bad); }
        .tier-row { display: grid; grid-template-columns: 6rem minmax(0, 14rem) minmax(0, 8rem); gap: .75rem; align-items: end; }
        .tier-row .tier-name { margin: 0 0 1.1rem; font-weight: 600; }
        fieldset.checks { border: none; padding: 0; }
        section.verdict { border-left: 4px solid var(--accent); }
        section.verdict ul { margin: .25rem 0; padding-left: 1.2rem; }
        section.verdict li { margin-bottom: .4rem; }
        form.inline-form { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; }
        form.inline-form .field { margin: 0; }
        a.who { text-decoration: underline; text-underline-offset: 2px; }
        ol.recovery-codes { columns: 2; font-size: 1.1rem; font-variant-numeric: tabular-nums; margin: 1rem 0; }
        ol.recovery-codes li { margin-bottom: .35rem; }
        section.card h3 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
        @media (max-width: 40rem) { .tier-row { grid-template-columns: 1fr 1fr; } .tier-row .tier-name { grid-column: 1 / -1; margin: 0; } }
        """
}
