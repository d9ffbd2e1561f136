"""The ledger in the database itself: every transaction balances (a deferred constraint trigger sums its
entries at commit) and entries are never changed or removed (corrections are new transactions)."""

from django.db import migrations

BALANCE_CHECK = """
CREATE FUNCTION payments_ledger_transaction_balances() RETURNS trigger AS $$
DECLARE
    unbalanced bigint;
BEGIN
    SELECT COALESCE(SUM(amount), 0) INTO unbalanced
      FROM payments_ledgerentry WHERE transaction_id = NEW.transaction_id;
    IF unbalanced <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % does not balance (off by %)', NEW.transaction_id, unbalanced
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION payments_ledger_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries are never changed or removed: post a reversing transaction'
        USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER payments_ledger_entries_append_only
    BEFORE UPDATE OR DELETE ON payments_ledgerentry
    FOR EACH ROW EXECUTE FUNCTION payments_ledger_is_append_only();

CREATE CONSTRAINT TRIGGER payments_ledger_entries_balance
    AFTER INSERT ON payments_ledgerentry
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION payments_ledger_transaction_balances();
"""

DROP = """
DROP TRIGGER IF EXISTS payments_ledger_entries_balance ON payments_ledgerentry;
DROP FUNCTION IF EXISTS payments_ledger_transaction_balances();
DROP TRIGGER IF EXISTS payments_ledger_entries_append_only ON payments_ledgerentry;
DROP FUNCTION IF EXISTS payments_ledger_is_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("payments", "0001_money")]

    operations = [migrations.RunSQL(BALANCE_CHECK, reverse_sql=DROP)]
