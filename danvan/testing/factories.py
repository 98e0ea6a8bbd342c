import factory

from danvan.accounts.models import RoleAssignment, User
from danvan.core import access
from danvan.lib import vntext
from danvan.org.models import Person, Unit, UnitKind


def kind(code: str) -> UnitKind:
    return UnitKind.objects.get(code=code)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Đơn vị thử {n}")
    kind = factory.LazyFunction(lambda: kind("agency"))

    @factory.post_generation
    def place(unit, create, extracted, **kwargs):
        """Compute the path, search text and sort key as the service does."""
        if not create:
            return
        unit.path = (unit.parent.path if unit.parent_id else "") + access.encode_segment(unit.pk)
        unit.depth = len(unit.path) // access.SEGMENT_WIDTH - 1
        unit.search_text = vntext.fold(f"{unit.name} {unit.short_name} {unit.abbreviation} {unit.admin_code}")
        unit.sort_key = vntext.sort_key(unit.name)
        Unit.objects.filter(pk=unit.pk).update(
            path=unit.path, depth=unit.depth, search_text=unit.search_text, sort_key=unit.sort_key
        )


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    title = ""
    unit = factory.SubFactory(UnitFactory)
    search_text = factory.LazyAttribute(lambda p: vntext.fold(f"{p.full_name} {p.title}"))
    sort_key = factory.LazyAttribute(lambda p: vntext.person_sort_key(p.full_name))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Người dùng {n}")
    password = factory.django.Password("mat-khau-thu-nghiem")


def grant(user: User, role: str, unit: Unit | None) -> RoleAssignment:
    assignment = RoleAssignment.objects.create(user=user, role=role, unit=unit)
    access.forget(user)
    return assignment
