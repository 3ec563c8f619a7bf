-- Issue 18, session 7: the cash forecast by product line read the product line of each prediction's invoice (an
-- invoice lookup per prediction: 1.5 s at 456,753 predictions against 0.25 s by area). The prediction run now
-- writes the invoice's product line on the prediction row; the predictions kept so far get it once here.
ALTER TABLE invoice_prediction ADD COLUMN product_line TEXT;

UPDATE invoice_prediction p
SET product_line = i.product_line
FROM invoice i
WHERE i.id = p.invoice_id AND i.product_line IS NOT NULL;
