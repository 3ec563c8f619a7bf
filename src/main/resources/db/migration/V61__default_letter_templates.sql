-- The default reminder letters, version 1 of each level (1 friendly reminder, 2 firm reminder, 3 final demand,
-- 4 lawyer's demand) in English and Simplified Chinese. A credit manager edits them on /collections/letter-templates;
-- each save is a new version. Placeholders: see README "Reminder letters".
INSERT INTO letter_template (level, language, version, subject, body, created_by) VALUES
(1, 'en', 1, 'Payment reminder {{customerCode}}', $t$<p class="muted">{{companyName}} · {{letterDate}}</p>
<p><strong>{{customerName}}</strong> (customer no. {{customerCode}})<br/>{{customerAddress}}</p>
<h1>Friendly payment reminder</h1>
<p>Dear {{recipientName}},</p>
<p>perhaps it has escaped your attention that the invoices below are past due. We kindly ask you to pay
the overdue total of <strong>{{totalOverdue}}</strong> within the next few days.</p>
{{invoiceTable}}
{{brokenPromises}}
<p>If you have paid in the meantime, please disregard this letter. For any question please contact {{replyContact}}.</p>
<p>Yours sincerely,<br/>{{signature}}</p>$t$, 'system'),
(2, 'en', 1, 'Second reminder: overdue invoices {{customerCode}}', $t$<p class="muted">{{companyName}} · {{letterDate}}</p>
<p><strong>{{customerName}}</strong> (customer no. {{customerCode}})<br/>{{customerAddress}}</p>
<h1>Second reminder</h1>
<p>Dear {{recipientName}},</p>
<p>despite our reminder the invoices below are still unpaid, the oldest by {{maxDaysOverdue}} days. Supply on credit
is suspended until the overdue total of <strong>{{totalOverdue}}</strong> has been received. Please pay it now.</p>
{{invoiceTable}}
{{brokenPromises}}
<p>Please contact {{replyContact}} at once if there is a reason for the delay.</p>
<p>Yours sincerely,<br/>{{signature}}</p>$t$, 'system'),
(3, 'en', 1, 'Final demand {{customerCode}}', $t$<p class="muted">{{companyName}} · {{letterDate}}</p>
<p><strong>{{customerName}}</strong> (customer no. {{customerCode}})<br/>{{customerAddress}}</p>
<h1>Final demand before legal action</h1>
<p>Dear {{recipientName}},</p>
<p>the invoices below are now up to {{maxDaysOverdue}} days overdue. This is our final demand: unless the overdue
total of <strong>{{totalOverdue}}</strong> is received within seven days, we will hand the matter to our lawyer
without further notice.</p>
{{invoiceTable}}
{{brokenPromises}}
<p>Contact: {{replyContact}}.</p>
<p>Yours sincerely,<br/>{{signature}}</p>$t$, 'system'),
(4, 'en', 1, 'Demand for payment by our lawyer {{customerCode}}', $t$<p class="muted">{{companyName}} · {{letterDate}}</p>
<p><strong>{{customerName}}</strong> (customer no. {{customerCode}})<br/>{{customerAddress}}</p>
<h1>Demand for payment</h1>
<p>Dear {{recipientName}},</p>
<p>{{companyName}} has instructed me to recover the overdue total of <strong>{{totalOverdue}}</strong>, overdue by up
to {{maxDaysOverdue}} days. Unless it is paid within seven days of this letter, legal proceedings will be filed
against you without further notice, at your cost.</p>
{{invoiceTable}}
{{brokenPromises}}
<p>Please address any reply to {{replyContact}}.</p>
<p>Yours faithfully,<br/>{{signature}}</p>$t$, 'system'),
(1, 'zh-CN', 1, '付款提醒 {{customerCode}}', $t$<p class="muted">{{companyName}} · {{letterDate}}</p>
<p><strong>{{customerName}}</strong>（客户编号 {{customerCode}}）<br/>{{customerAddress}}</p>
<h1>付款提醒函</h1>
<p>尊敬的{{recipientName}}：</p>
<p>贵司以下发票已超过付款期限，或许是一时疏忽。烦请于近日内支付逾期款项合计 <strong>{{totalOverdue}}</strong>。</p>
{{invoiceTable}}
{{brokenPromises}}
<p>如贵司已付款，请忽略本函。如有疑问，请联系 {{replyContact}}。</p>
<p>此致<br/>{{signature}}</p>$t$, 'system'),
(2, 'zh-CN', 1, '第二次付款催告 {{customerCode}}', $t$<p class="muted">{{companyName}} · {{letterDate}}</p>
<p><strong>{{customerName}}</strong>（客户编号 {{customerCode}}）<br/>{{customerAddress}}</p>
<h1>第二次催款函</h1>
<p>尊敬的{{recipientName}}：</p>
<p>经我司提醒后，以下发票仍未支付，最长已逾期 {{maxDaysOverdue}} 天。在收到逾期款项合计 <strong>{{totalOverdue}}</strong>
之前，我司暂停赊销供货。请立即付款。</p>
{{invoiceTable}}
{{brokenPromises}}
<p>如延迟付款另有原因，请即联系 {{replyContact}}。</p>
<p>此致<br/>{{signature}}</p>$t$, 'system'),
(3, 'zh-CN', 1, '最后催告函 {{customerCode}}', $t$<p class="muted">{{companyName}} · {{letterDate}}</p>
<p><strong>{{customerName}}</strong>（客户编号 {{customerCode}}）<br/>{{customerAddress}}</p>
<h1>最后催告函</h1>
<p>尊敬的{{recipientName}}：</p>
<p>以下发票最长已逾期 {{maxDaysOverdue}} 天。此为我司最后一次催告：如七日内仍未收到逾期款项合计
<strong>{{totalOverdue}}</strong>，我司将不再另行通知，直接交由律师处理。</p>
{{invoiceTable}}
{{brokenPromises}}
<p>联系人：{{replyContact}}。</p>
<p>此致<br/>{{signature}}</p>$t$, 'system'),
(4, 'zh-CN', 1, '律师催款函 {{customerCode}}', $t$<p class="muted">{{companyName}} · {{letterDate}}</p>
<p><strong>{{customerName}}</strong>（客户编号 {{customerCode}}）<br/>{{customerAddress}}</p>
<h1>律师催款函</h1>
<p>尊敬的{{recipientName}}：</p>
<p>本律师受{{companyName}}委托，向贵司追收逾期款项合计 <strong>{{totalOverdue}}</strong>，最长已逾期 {{maxDaysOverdue}} 天。
如贵司未于本函发出之日起七日内付清，本律师将不再另行通知，依法提起诉讼，费用由贵司承担。</p>
{{invoiceTable}}
{{brokenPromises}}
<p>回复请寄 {{replyContact}}。</p>
<p>此致<br/>{{signature}}</p>$t$, 'system');
