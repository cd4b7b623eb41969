import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify

from yhdessa.accounts.models import Membership, User
from yhdessa.directory.models import Municipality, Organisation, Region
from yhdessa.events.models import BackgroundCategory, Event, Registration
from yhdessa.projects.models import Project


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["code"]

    code = "17"
    name_fi = "Pohjois-Pohjanmaa"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["code"]

    # Three digits however many the session makes (the column holds three: PostgreSQL refuses
    # more), and below 500, clear of the codes that tests and the demo use by name (Nivala
    # 535, Raahe 678, Sievi 746, ...); a repeat is fetched, not created (django_get_or_create).
    code = factory.Sequence(lambda n: f"{100 + n % 400:03d}")
    name_fi = factory.Sequence(lambda n: f"Testikunta {n}")
    region = factory.SubFactory(RegionFactory)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testiyhdistys {n} ry")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Organisation.Kind.ASSOCIATION
    municipality = factory.SubFactory(MunicipalityFactory)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    name_fi = factory.Sequence(lambda n: f"Testihanke {n}")
    short_name_fi = factory.LazyAttribute(lambda o: o.name_fi)
    slug = factory.LazyAttribute(lambda o: slugify(o.name_fi))
    start_date = datetime.date(2021, 8, 1)
    end_date = datetime.date(2023, 9, 30)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"kayttaja{n}@example.fi")
    first_name = "Testi"
    last_name = factory.Sequence(lambda n: f"Käyttäjä {n}")
    password = factory.PostGenerationMethodCall("set_password", "salasana-123")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)


class BackgroundCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BackgroundCategory

    project = factory.SubFactory(ProjectFactory)
    name_fi = factory.Sequence(lambda n: f"Taustaryhmä {n}")
    position = factory.Sequence(int)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    project = factory.SubFactory(ProjectFactory)
    kind = Event.Kind.TRAINING
    title_fi = factory.Sequence(lambda n: f"Valmennus {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=3))
    location = "Kaupungintalo"
    capacity = 10


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Osallistuja {n}")
    email = factory.Sequence(lambda n: f"osallistuja{n}@example.fi")
    status = Registration.Status.CONFIRMED
    consent_at = factory.LazyFunction(timezone.now)
