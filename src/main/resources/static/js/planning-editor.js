// The fund plan editor: a tree of product lines -> areas -> customers with live sums (a parent whose
// children sum to more than its amount is marked), saved as a draft through PUT /api/v1/fund-plans/{year}.
// The server validates again and names every bad node; those rows are marked too.
(function () {
  const root = document.getElementById('plan-editor');
  if (!root) return;
  const tbody = root.querySelector('#plan-editor-tree tbody');
  const year = root.dataset.year;
  const productLines = JSON.parse(root.dataset.productLines || '[]');
  const areas = JSON.parse(root.dataset.areas || '[]');
  const plan = JSON.parse(root.dataset.plan || 'null');

  function cents(value) {
    const n = Number(value);
    return Number.isFinite(n) ? Math.round(n * 100) : 0;
  }
  function money(c) {
    return (c / 100).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function options(select, items, chosen) {
    items.forEach((item) => {
      const option = document.createElement('option');
      option.value = item.code;
      option.textContent = item.code + ' · ' + item.name;
      if (item.code === chosen) option.selected = true;
      select.appendChild(option);
    });
  }
  function lastDescendant(row) {
    let last = row;
    let next = row.nextElementSibling;
    while (next && next.parentRow && isDescendant(next, row)) {
      last = next;
      next = next.nextElementSibling;
    }
    return last;
  }
  function isDescendant(row, ancestor) {
    for (let p = row.parentRow; p; p = p.parentRow) if (p === ancestor) return true;
    return false;
  }
  function add(kind, parent, values) {
    const row = document.getElementById('tpl-' + kind).content.firstElementChild.cloneNode(true);
    row.parentRow = parent || null;
    values = values || {};
    if (kind === 'line') {
      options(row.querySelector('.pl'), productLines, values.productLine);
      if (values.businessGroup) row.querySelector('.group').value = values.businessGroup;
      if (values.grossMargin != null) row.querySelector('.margin').value = values.grossMargin;
    } else if (kind === 'area') {
      options(row.querySelector('.area'), areas, values.area);
    } else if (values.customerCode) {
      row.querySelector('.customer').value = values.customerCode;
    }
    if (values.amount != null) row.querySelector('.amount').value = values.amount;
    if (values.targetDays != null) row.querySelector('.days').value = values.targetDays;
    const child = kind === 'line' ? 'area' : 'customer';
    const addChild = row.querySelector('.add-child');
    if (addChild) addChild.addEventListener('click', () => add(child, row));
    row.querySelector('.remove').addEventListener('click', () => {
      const end = lastDescendant(row);
      let r = row;
      while (r) {
        const next = r === end ? null : r.nextElementSibling;
        r.remove();
        r = next;
      }
      update();
    });
    if (parent) lastDescendant(parent).after(row);
    else tbody.appendChild(row);
    update();
    return row;
  }
  function rows(kind) {
    return Array.from(tbody.querySelectorAll('tr.' + kind + '-row'));
  }
  function update() {
    const capital = cents(document.getElementById('capital').value);
    let lines = 0;
    rows('line').forEach((r) => (lines += cents(r.querySelector('.amount').value)));
    const linesSum = document.getElementById('lines-sum');
    linesSum.textContent = money(lines) + ' / ' + money(capital);
    linesSum.classList.toggle('over', lines > capital);
    tbody.querySelectorAll('tr').forEach((row) => {
      const amount = cents(row.querySelector('.amount').value);
      const days = Number(row.querySelector('.days').value);
      row.querySelector('.capacity').textContent = days > 0 ? money(Math.round((amount * 365) / days)) : '';
      const sum = row.querySelector('.sum');
      if (!sum) return;
      let children = 0;
      tbody.querySelectorAll('tr').forEach((c) => {
        if (c.parentRow === row) children += cents(c.querySelector('.amount').value);
      });
      sum.textContent = money(children);
      const over = children > amount;
      row.classList.toggle('over', over);
      row.title = over ? root.dataset.over : '';
    });
  }
  function payload() {
    const body = {
      capital: Number(document.getElementById('capital').value),
      costOfCapitalRate: Number(document.getElementById('rate').value),
      industryDays: document.getElementById('industry-days').value ? Number(document.getElementById('industry-days').value) : null,
      productLines: [], areas: [], customers: []
    };
    const number = (row, cls) => (row.querySelector(cls).value === '' ? null : Number(row.querySelector(cls).value));
    rows('line').forEach((r) => body.productLines.push({
      productLine: r.querySelector('.pl').value, businessGroup: r.querySelector('.group').value,
      amount: number(r, '.amount'), targetDays: number(r, '.days'), grossMargin: number(r, '.margin')
    }));
    rows('area').forEach((r) => body.areas.push({
      productLine: r.parentRow.querySelector('.pl').value, area: r.querySelector('.area').value,
      amount: number(r, '.amount'), targetDays: number(r, '.days')
    }));
    rows('customer').forEach((r) => body.customers.push({
      customerCode: r.querySelector('.customer').value, productLine: r.parentRow.parentRow.querySelector('.pl').value,
      amount: number(r, '.amount'), targetDays: number(r, '.days')
    }));
    return body;
  }
  function markErrors(errors) {
    const list = document.getElementById('plan-errors');
    list.innerHTML = '';
    tbody.querySelectorAll('tr.refused').forEach((r) => r.classList.remove('refused'));
    const byKind = { productLines: rows('line'), areas: rows('area'), customers: rows('customer') };
    (errors || []).forEach((e) => {
      const item = document.createElement('li');
      item.textContent = (e.field ? e.field + ': ' : '') + e.message;
      list.appendChild(item);
      const m = /^(productLines|areas|customers)\[(\d+)]/.exec(e.field || '');
      if (m && byKind[m[1]][Number(m[2])]) byKind[m[1]][Number(m[2])].classList.add('refused');
    });
  }
  async function save() {
    const message = document.getElementById('plan-message');
    message.textContent = '';
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (token && header) headers[header.content] = token.content;
    const response = await fetch(root.dataset.saveUrl, {
      method: 'PUT', headers: headers, body: JSON.stringify(payload()), credentials: 'same-origin'
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      markErrors([]);
      message.textContent = root.dataset.saved.replace('{0}', body.version);
      message.className = 'saved';
    } else {
      message.textContent = body.detail || body.title || String(response.status);
      message.className = 'error';
      markErrors(body.errors);
    }
  }

  if (plan) {
    document.getElementById('capital').value = plan.capital;
    document.getElementById('rate').value = plan.costOfCapitalRate;
    if (plan.industryDays != null) document.getElementById('industry-days').value = plan.industryDays;
    plan.productLines.forEach((l) => {
      const line = add('line', null, l);
      plan.areas.filter((a) => a.productLine === l.productLine).forEach((a) => {
        const area = add('area', line, a);
        plan.customers.filter((c) => c.productLine === l.productLine && c.area === a.area)
          .forEach((c) => add('customer', area, c));
      });
    });
  }
  root.addEventListener('input', update);
  root.addEventListener('change', update);
  const addLine = document.getElementById('add-line');
  if (addLine) addLine.addEventListener('click', () => add('line'));
  const saveButton = document.getElementById('save-plan');
  if (saveButton) saveButton.addEventListener('click', save);
  update();
})();
