# Replaces pyinstaller-hooks-contrib's hook, which collects every phonenumbers submodule:
# only the number metadata is used (imported lazily, one module per region); the offline
# geocoder, carrier and time-zone data (about 43 MB) are not.
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("phonenumbers.data") + collect_submodules(
    "phonenumbers.shortdata"
)
excludedimports = ["phonenumbers.geodata", "phonenumbers.carrierdata", "phonenumbers.tzdata"]
