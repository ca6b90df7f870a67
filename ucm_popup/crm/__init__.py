"""The CRM side, free of Qt: phone numbers, Zoho v1 and v2, the lookup service and cache."""
