"""Periodic report regimes (chế độ báo cáo định kỳ): a report defined once, its calls opened each period
by the daily job, reminders sent, each unit's punctuality kept across periods, last period's answer carried
forward."""
