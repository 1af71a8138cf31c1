"""依申请公开: the ledger (台账), answer deadlines, conversion candidates, the annual report table."""
